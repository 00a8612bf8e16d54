// A TypeORM entity listener runs inside the transaction save() opens: its delete comes before the commit.
import Redis from 'ioredis';
import { AfterUpdate, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const redis = new Redis();

@Entity()
export class Workspace {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;

  @AfterUpdate()
  async evictCache() {
    await redis.del(`workspace:${this.id}`); // expect: invalidate-before-commit
  }
}
