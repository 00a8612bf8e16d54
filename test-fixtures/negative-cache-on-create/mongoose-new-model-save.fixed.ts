import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Model } from 'mongoose';
import { Subscriber } from './subscriber.schema';

@Injectable()
export class NewsletterService {
  constructor(
    @InjectModel(Subscriber.name) private readonly subscriberModel: Model<Subscriber>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async isSubscribed(email: string): Promise<boolean> {
    const cached = await this.redis.get(`subscriber:${email}`);
    if (cached !== null) return cached !== 'null';
    const sub = await this.subscriberModel.findOne({ email }).exec();
    await this.redis.set(`subscriber:${email}`, sub ? sub.id : 'null', 'EX', 600);
    return !!sub;
  }

  async subscribe(email: string): Promise<Subscriber> {
    const sub = await new this.subscriberModel({ email, confirmed: false }).save(); // expect: negative-cache-on-create
    await this.redis.del(`subscriber:${sub.email}`);
    return sub;
  }
}
