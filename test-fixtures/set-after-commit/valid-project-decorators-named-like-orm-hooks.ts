// valid: an `@AfterUpdate` decorator of the project's own event bus and a class merely having an
// `afterUpdate` method are no ORM hooks; a hook caching a key unrelated to its row is not reported
import Redis from 'ioredis';
import { AfterUpdate as OrmAfterUpdate, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AfterUpdate } from './events/decorators';

const redis = new Redis();

export class Widget {
  id = '';

  @AfterUpdate()
  async publish() {
    await redis.set(`widget:${this.id}`, JSON.stringify(this), 'EX', 60);
  }

  async afterUpdate() {
    await redis.set(`widget:${this.id}`, JSON.stringify(this), 'EX', 60);
  }
}

@Entity()
export class Signup {
  @PrimaryGeneratedColumn() id!: number;
  @Column() email!: string;

  @OrmAfterUpdate()
  async count() {
    await redis.set('stats:last-signup-change', new Date().toISOString());
  }
}
