// A TypeORM subscriber (entity given by listenTo) refreshes the product through the project's
// cache service: the finding is at the call, with the service's client call as related information.
import Redis from 'ioredis';
import { DataSource, EntitySubscriberInterface, EventSubscriber, UpdateEvent } from 'typeorm';
import { Product } from './entities/product';

export class ProductCache {
  constructor(private readonly redis: Redis) {}
  get(id: string) {
    return this.redis.get(`product:${id}`);
  }
  put(id: string, value: string) {
    return this.redis.set(`product:${id}`, value, 'EX', 900);
  }
  drop(id: string) {
    return this.redis.del(`product:${id}`);
  }
}

export async function productOf(cache: ProductCache, ds: DataSource, id: string) {
  const hit = await cache.get(id);
  if (hit) return JSON.parse(hit) as Product;
  return ds.getRepository(Product).findOneBy({ id });
}

@EventSubscriber()
export class ProductSubscriber implements EntitySubscriberInterface {
  constructor(private readonly cache: ProductCache) {}

  listenTo() {
    return Product;
  }

  async afterUpdate(event: UpdateEvent<Product>) {
    await this.cache.put(event.entity!.id, JSON.stringify(event.entity)); // expect: set-after-commit
  }
}
