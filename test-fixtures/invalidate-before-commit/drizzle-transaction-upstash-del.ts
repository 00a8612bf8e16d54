// Drizzle `db.transaction`: the Upstash entry of the link is deleted inside the transaction.
import { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { linkClicks, links } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const redis = Redis.fromEnv();

export async function retarget(linkId: string, url: string) {
  await db.transaction(async (tx) => {
    await tx.update(links).set({ url }).where(eq(links.id, linkId));
    await tx.delete(linkClicks).where(eq(linkClicks.linkId, linkId));
    await redis.del(`link:${linkId}`); // expect: invalidate-before-commit
  });
}
