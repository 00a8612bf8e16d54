// valid: a TypeORM entity listener runs inside the transaction save() opens; not reported yet (see transactions.ts).
import Redis from 'ioredis';
import { AfterUpdate, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const redis = new Redis();

@Entity()
export class Workspace {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;

  @AfterUpdate()
  async evictCache() {
    await redis.del(`workspace:${this.id}`); // todo-expect: invalidate-before-commit
  }
}
