// Knex transaction: stock moves between two rows, then the product is written through to Redis.
import Redis from 'ioredis';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const redis = new Redis();

export async function moveStock(productId: number, from: number, to: number, quantity: number) {
  const [product] = await db.transaction(async (trx) => {
    await trx('stock_levels').where({ product_id: productId, warehouse_id: from }).decrement('quantity', quantity);
    await trx('stock_levels').where({ product_id: productId, warehouse_id: to }).increment('quantity', quantity);
    return trx('products').where({ id: productId }).update({ restocked_at: trx.fn.now() }, '*');
  });
  await redis.set(`product:${productId}`, JSON.stringify(product), 'EX', 300); // expect: set-after-commit
  return product;
}
