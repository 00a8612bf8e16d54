// valid: an @AfterDestroy hook deleting the key is the invalidation the rule asks for, and a
// @BeforeSave hook runs before the write it hangs on
import Redis from 'ioredis';
import { AfterDestroy, BeforeSave, Column, Model, Table } from 'sequelize-typescript';

const redis = new Redis();

@Table({ tableName: 'collections' })
export class Collection extends Model {
  @Column declare tree: string;

  @AfterDestroy
  static async dropTree(m: Collection) {
    await redis.del(`coll:${m.id}`);
  }

  @BeforeSave
  static async warm(m: Collection) {
    await redis.set(`coll:${m.id}`, m.tree, 'EX', 60);
  }
}

export async function treeOf(id: string) {
  const cached = await redis.get(`coll:${id}`);
  if (cached !== null) return cached;
  const row = await Collection.findByPk(id);
  return row?.tree;
}
