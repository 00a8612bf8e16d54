// Sequelize unmanaged transaction: the cache-manager entry is deleted before `t.commit()`.
import { caching } from 'cache-manager';
import { Sequelize } from 'sequelize';
import { Product } from './models/product';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const cache = await caching('memory', { ttl: 60_000 });

export async function discontinue(productId: number) {
  const t = await sequelize.transaction();
  try {
    await Product.update({ discontinued: true }, { where: { id: productId }, transaction: t });
    await cache.del(`product:${productId}`); // expect: invalidate-before-commit
    await t.commit();
  } catch (err) {
    await t.rollback();
    throw err;
  }
}
