// valid: insert hooks cache a row no reader can hold an older version of, and before-hooks run
// ahead of the write
import Redis from 'ioredis';
import { AfterInsert, BeforeUpdate, Column, Entity, EntitySubscriberInterface, EventSubscriber, InsertEvent, PrimaryGeneratedColumn, UpdateEvent } from 'typeorm';

const redis = new Redis();

@Entity()
export class Coupon {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() code!: string;

  @AfterInsert()
  async remember() {
    await redis.set(`coupon:${this.id}`, JSON.stringify(this), 'EX', 600);
  }

  @BeforeUpdate()
  async touch() {
    await redis.set(`coupon:${this.id}`, JSON.stringify(this), 'EX', 600);
  }
}

@EventSubscriber()
export class CouponSubscriber implements EntitySubscriberInterface<Coupon> {
  async afterInsert(event: InsertEvent<Coupon>) {
    await redis.set(`coupon:${event.entity.id}`, JSON.stringify(event.entity), 'EX', 600);
  }

  async beforeUpdate(event: UpdateEvent<Coupon>) {
    await redis.set(`coupon:${event.entity!.id}`, JSON.stringify(event.entity), 'EX', 600);
  }
}

export async function coupon(id: string, load: (id: string) => Promise<Coupon>) {
  const hit = await redis.get(`coupon:${id}`);
  return hit ? JSON.parse(hit) : load(id);
}
