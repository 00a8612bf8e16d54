import Redis from 'ioredis';
import { eq } from 'drizzle-orm';
import { db, merchants } from './db';

const redis = new Redis();

export class MerchantRepository {
  async findById(id: string) {
    const hit = await redis.get(`merchant:${id}`);
    if (hit) return JSON.parse(hit);
    const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
    await redis.set(`merchant:${id}`, JSON.stringify(row), 'EX', 3600);
    return row;
  }
}
