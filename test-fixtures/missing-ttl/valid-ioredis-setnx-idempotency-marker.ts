// config: {"missingTtl": "all-writes"}
// valid: a SETNX claim marker remembers handled deliveries; it is no cache, so no TTL finding
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

/** Remembers which webhook deliveries were already handled. */
export async function claimDelivery(deliveryId: string): Promise<boolean> {
  const claimed = await redis.setnx(`webhook:delivery:${deliveryId}`, '1');
  return claimed === 1;
}

export async function loadDelivery(deliveryId: string) {
  const { rows } = await pool.query('SELECT * FROM webhook_deliveries WHERE id = $1', [deliveryId]);
  return rows[0] ?? null;
}
