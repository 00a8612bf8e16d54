import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { buildSubscriberKey, InvalidateCacheService } from './invalidate-cache.service';
import { SubscriberRepository } from './subscriber.repository';

/** The use case invalidates first and writes second: a read in between caches the old subscriber. */
@Injectable()
export class UpdateSubscriber {
  constructor(
    private readonly invalidateCache: InvalidateCacheService,
    private readonly subscriberRepository: SubscriberRepository,
    private readonly redis: Redis,
  ) {}

  async get(environmentId: string, subscriberId: string) {
    const key = buildSubscriberKey({ subscriberId, environmentId });
    const hit = await this.redis.get(key);
    if (hit) return JSON.parse(hit);
    const row = await this.subscriberRepository.findOne(environmentId, subscriberId);
    await this.redis.set(key, JSON.stringify(row), 'EX', 3600);
    return row;
  }

  async execute(environmentId: string, subscriberId: string, locale: string) {
    await this.invalidateCache.invalidateByKey({ key: buildSubscriberKey({ subscriberId, environmentId }) }); // expect: invalidate-before-commit
    await this.subscriberRepository.update(environmentId, subscriberId, { locale });
  }
}
