// valid: `{supplier}_lastOrderNumber` is the last order number handed out, started from the newest
// order on a miss and bumped by each new order. It is a sequence, not a copy of an order: a status
// change or a payment leaves it as right as it was, and no write path is meant to delete it.
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Order } from './order.schema';

@Injectable()
export class OrderNumbers {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectModel(Order.name) private readonly orders: Model<Order>,
  ) {}

  async next(supplierId: string): Promise<string> {
    let last = await this.cache.get<string>(supplierId + '_lastOrderNumber');
    if (!last) {
      const newest = await this.orders.findOne({ supplierId }, {}, { sort: { _id: -1 } });
      last = newest?.orderNumber;
    }
    const n = String(parseInt(last ?? '0', 10) + 1);
    await this.cache.set(supplierId + '_lastOrderNumber', n, 0);
    return n;
  }

  /** At start-up: the newest order's number, so the next one follows it. */
  async warm(supplierId: string) {
    const newest = await this.orders.findOne({ supplierId }, {}, { sort: { _id: -1 } });
    if (newest) await this.cache.set(supplierId + '_lastOrderNumber', newest.orderNumber, 0);
  }

  async markPaid(id: string) {
    await this.orders.findByIdAndUpdate(id, { paymentStatus: 'paid' });
  }

  async setStatus(id: string, status: string) {
    await this.orders.findByIdAndUpdate(id, { status });
  }
}
