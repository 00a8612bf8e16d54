// A sequelize-typescript @AfterSave hook writes the saved tree into the cache: it runs after every
// save of a Collection, so two concurrent saves can set their copies in the wrong order.
import Redis from 'ioredis';
import { AfterSave, Column, Model, Table } from 'sequelize-typescript';

const redis = new Redis();

@Table({ tableName: 'collections' })
export class Collection extends Model {
  @Column declare tree: string;

  @AfterSave
  static async cacheTree(m: Collection) {
    await redis.set(`coll:${m.id}`, m.tree, 'EX', 60); // expect: set-after-commit
  }
}

export async function treeOf(id: string) {
  const cached = await redis.get(`coll:${id}`);
  if (cached !== null) return cached;
  const row = await Collection.findByPk(id);
  return row?.tree;
}
