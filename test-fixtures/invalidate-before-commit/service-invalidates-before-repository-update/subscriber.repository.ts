import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Subscriber } from './subscriber.schema';

@Injectable()
export class SubscriberRepository {
  constructor(@InjectModel(Subscriber.name) private readonly subscribers: Model<Subscriber>) {}

  async findOne(environmentId: string, subscriberId: string) {
    return this.subscribers.findOne({ environmentId, subscriberId }).lean();
  }

  async update(environmentId: string, subscriberId: string, set: Partial<Subscriber>) {
    return this.subscribers.updateOne({ environmentId, subscriberId }, { $set: set });
  }
}
