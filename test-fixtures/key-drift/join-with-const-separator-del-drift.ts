import { Injectable } from '@nestjs/common';
import { RedisService } from '@liaoliaots/nestjs-redis';
import type Redis from 'ioredis';
import { Knex } from 'knex';
import { InjectConnection } from 'nest-knexjs';

// the read key is built with a separator constant: `.join(SEP)` is not resolved by the facts layer today
const SEP = ':';

@Injectable()
export class ReviewsService {
  private readonly redis: Redis;

  constructor(
    redisService: RedisService,
    @InjectConnection() private readonly knex: Knex,
  ) {
    this.redis = redisService.getOrThrow();
  }

  private ratingKey(productId: string): string {
    return ['rating', 'v2', productId].join(SEP);
  }

  async averageRating(productId: string): Promise<number | null> {
    const cached = await this.redis.get(this.ratingKey(productId));
    if (cached !== null) return Number(cached);
    const row = await this.knex('reviews').where({ product_id: productId }).avg<{ avg: number }>('stars as avg').first();
    if (row?.avg != null) await this.redis.set(this.ratingKey(productId), String(row.avg), 'EX', 3600);
    return row?.avg ?? null;
  }

  async addReview(productId: string, userId: string, stars: number): Promise<void> {
    await this.knex('reviews').insert({ product_id: productId, user_id: userId, stars });
    await this.redis.del('rating' + SEP + productId); // expect: key-drift
  }
}
