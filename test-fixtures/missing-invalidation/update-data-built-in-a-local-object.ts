// The public tracking view keeps a shipment's status and tracking number. Reconciling its payment
// builds the update in a local object (dotted payment columns, a conditional spread, a $push added
// later), or settles many in one bulkWrite: none of them is in the view. Rerouting sets the status
// the view shows: reported.
import Redis from 'ioredis';
import mongoose from 'mongoose';

const Shipment = mongoose.model('Shipment', new mongoose.Schema({ trackingNumber: String, currentStatus: String, paymentDetails: Object, routing: Object }));

const redis = new Redis();

export async function publicTracking(trackingNumber: string) {
  const key = `tracking:public:${trackingNumber}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const s = await Shipment.findOne({ trackingNumber }).select('trackingNumber currentStatus').lean();
  const view = { trackingNumber: s?.trackingNumber, currentStatus: s?.currentStatus };
  await redis.set(key, JSON.stringify(view), 'EX', 300);
  return view;
}

export async function reconcile(id: string, collected: number, method?: string) {
  const update: Record<string, unknown> = {
    'paymentDetails.actualCollection': collected,
    ...(method && { 'paymentDetails.method': method }),
  };
  if (collected === 0) update['paymentDetails.variance'] = 0;
  update.$push = { 'paymentDetails.timeline': { status: 'reconciled', at: new Date() } };
  await Shipment.findByIdAndUpdate(id, update);
}

export async function settleAll(ids: string[]) {
  const ops = ids.map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { 'paymentDetails.settled': true } } } }));
  await Shipment.bulkWrite(ops);
}

export async function reroute(id: string, hub: string) {
  const update: Record<string, unknown> = { 'routing.hub': hub };
  update.currentStatus = 'rerouted';
  await Shipment.findByIdAndUpdate(id, update); // expect: missing-invalidation
}
