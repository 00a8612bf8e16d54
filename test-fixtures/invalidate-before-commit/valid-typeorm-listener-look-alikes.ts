// valid: a listener that runs on load (no write), one that releases a lock (no cache), and a
// project decorator that shares TypeORM's name but not its module.
import Redis from 'ioredis';
import { AfterLoad, AfterUpdate, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AfterUpdate as OnUpdated } from './events';

const redis = new Redis();

@Entity()
export class Invoice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() total: number;

  @AfterLoad()
  async dropPreview() {
    await redis.del(`invoice-preview:${this.id}`);
  }

  @AfterUpdate()
  async releaseLock() {
    await redis.del(`lock:invoice:${this.id}`);
  }

  @OnUpdated()
  async evict() {
    await redis.del(`invoice:${this.id}`);
  }
}
