// The outline shape: an @AfterSave hook defers its cache write to the transaction's afterCommit
// (or runs it at once without a transaction). Either way the set follows a save of the row.
import Redis from 'ioredis';
import type { SaveOptions } from 'sequelize';
import { AfterSave, Column, DataType, Model, Table } from 'sequelize-typescript';

const redis = new Redis();

const structureKey = (collectionId: string) => `cd:${collectionId}`;

@Table({ tableName: 'collections' })
export class Collection extends Model {
  @Column(DataType.JSONB) declare documentStructure: unknown;

  @AfterSave
  static async cacheDocumentStructure(model: Collection, options: SaveOptions<Collection>) {
    if (!model.changed('documentStructure')) return;
    const setData = () => redis.del(structureKey(model.id)); // expect: set-after-commit
    if (options.transaction) return (options.transaction.parent || options.transaction).afterCommit(setData);
    await setData();
  }
}
