import Redis from 'ioredis';
import { Client } from 'pg';

const cluster = new Redis.Cluster([{ host: 'redis-0', port: 6379 }, { host: 'redis-1', port: 6379 }]);
const pg = new Client({ connectionString: process.env.DATABASE_URL });

export async function shipment(trackingNo: string) {
  const hit = await cluster.hgetall(`{shipment}:v1:${trackingNo}`);
  if (Object.keys(hit).length > 0) return hit;
  const { rows } = await pg.query('SELECT status, eta FROM shipments WHERE tracking_no = $1', [trackingNo]);
  if (rows[0]) {
    await cluster.hset(`{shipment}:v1:${trackingNo}`, rows[0]);
    await cluster.expire(`{shipment}:v1:${trackingNo}`, 300);
  }
  return rows[0] ?? null;
}

export async function markDelivered(trackingNo: string) {
  await pg.query("UPDATE shipments SET status = 'delivered' WHERE tracking_no = $1", [trackingNo]);
  await cluster.del(`{shipment}:v1:${trackingNo}`); // expect: key-drift
}
