import { PrismaClient } from '@prisma/client';
import { jsonCache } from './json-cache';

const prisma = new PrismaClient();

export async function trackShipment(trackingCode: string) {
  const cached = await jsonCache.read<unknown>(`shipment:${trackingCode}`);
  if (cached !== undefined) return cached;
  const shipment = await prisma.shipment.findUnique({ where: { trackingCode } });
  // unknown codes are asked for a lot: remember the miss (stored as JSON "null" by the wrapper)
  await jsonCache.write(`shipment:${trackingCode}`, shipment ?? null, shipment ? 600 : 60);
  return shipment;
}

export async function createShipment(trackingCode: string, orderId: string) {
  const shipment = await prisma.shipment.create({ data: { trackingCode, orderId } }); // expect: negative-cache-on-create
  return shipment;
}
