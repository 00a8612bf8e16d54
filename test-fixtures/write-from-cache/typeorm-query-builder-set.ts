import Keyv from 'keyv';
import { DataSource } from 'typeorm';
import { Subscription } from './subscription.entity';

const cache = new Keyv({ ttl: 300_000 });

export async function renew(ds: DataSource, id: string) {
  const sub = await cache.get(`subscription:${id}`);
  await ds // expect: write-from-cache
    .createQueryBuilder()
    .update(Subscription)
    .set({ plan: sub.plan, seats: sub.seats, renewedAt: new Date() })
    .where('id = :id', { id })
    .execute();
  await cache.delete(`subscription:${id}`);
}
