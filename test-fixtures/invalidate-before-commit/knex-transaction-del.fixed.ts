// Knex transaction: the stock moves and the product's key is deleted while the rows are uncommitted.
import Redis from 'ioredis';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const redis = new Redis();

export async function moveStock(productId: number, from: number, to: number, quantity: number) {
  await db.transaction(async (trx) => {
    await trx('stock_levels').where({ product_id: productId, warehouse_id: from }).decrement('quantity', quantity);
    await trx('stock_levels').where({ product_id: productId, warehouse_id: to }).increment('quantity', quantity);
    await trx('products').where({ id: productId }).update({ restocked_at: trx.fn.now() });
  });
  await redis.del(`product:${productId}`); // expect: invalidate-before-commit
}
