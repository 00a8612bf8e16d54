// node-redis MULTI after a Drizzle delete: the remaining list is written back, the item key too.
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { createClient } from 'redis';
import { wishlistItems } from './db/schema';

const db = drizzle(process.env.DATABASE_URL!);
const redis = createClient();

export async function removeFromWishlist(userId: string, productId: string) {
  await db.delete(wishlistItems).where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)));
  const items = await db.select().from(wishlistItems).where(eq(wishlistItems.userId, userId));
  await redis
    .multi()
    .set(`wishlist:${userId}`, JSON.stringify(items), { EX: 600 }) // expect: set-after-commit
    .exec();
}
