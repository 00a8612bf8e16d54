// Orders are read far more often than they change (order pages, shipping webhooks), so single
// orders are cached through Nest's cache manager. Every status change drops the cached copy
// after the database has committed it.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { DataSource, type Repository } from 'typeorm';
import { CacheKeys, ORDER_TTL_MS } from '../cache/keys';
import { ProductsRepository } from '../products/products.repository';
import { Order, type OrderLine, type OrderStatus } from './order.entity';

export interface PlaceOrderInput {
  userId: string;
  lines: { productId: string; quantity: number }[];
}

@Injectable()
export class OrdersService {
  private readonly orders: Repository<Order>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    private readonly products: ProductsRepository,
  ) {
    this.orders = dataSource.getRepository(Order);
  }

  async findOne(id: string): Promise<Order> {
    const cached = await this.cache.get<Order>(CacheKeys.order(id));
    if (cached) return cached;
    const order = await this.orders.findOneBy({ id });
    if (!order) throw new NotFoundException(`Order ${id} not found`);
    await this.cache.set(CacheKeys.order(id), order, ORDER_TTL_MS);
    return order;
  }

  /** A new order is not cached: nobody has read it yet, and the first read fills the cache. */
  async place(input: PlaceOrderInput): Promise<Order> {
    const ids = [...new Set(input.lines.map((l) => l.productId))];
    const prices = new Map((await this.products.pricesFor(ids)).map((p) => [p.id, p]));
    const lines: OrderLine[] = input.lines.map((l) => {
      const product = prices.get(l.productId);
      if (!product) throw new BadRequestException(`Product ${l.productId} is not for sale`);
      if (product.stock < l.quantity) throw new ConflictException(`Only ${product.stock} of ${l.productId} left`);
      return { productId: l.productId, quantity: l.quantity, unitPriceCents: product.priceCents };
    });
    const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    return this.orders.save(this.orders.create({ userId: input.userId, lines, totalCents, status: 'pending' }));
  }

  async cancel(id: string): Promise<Order> {
    const order = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Order, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundException(`Order ${id} not found`);
      if (current.status !== 'pending') throw new ConflictException(`Order ${id} is ${current.status}`);
      current.status = 'cancelled';
      return manager.save(current);
    });
    // After the commit, not inside the transaction: a read between an early delete and the
    // commit would put the still-pending order back into the cache.
    await this.cache.del(CacheKeys.order(id));
    return order;
  }

  /** The carrier's webhook: the order page keeps saying "paid" until the cached copy expires. */
  async markShipped(id: string): Promise<void> {
    await this.orders.update({ id, status: 'paid' }, { status: 'shipped' }); // expect: missing-invalidation
  }

  async setStatus(id: string, status: OrderStatus): Promise<void> {
    const result = await this.orders.update({ id }, { status });
    if (result.affected === 0) throw new NotFoundException(`Order ${id} not found`);
    await this.cache.del(CacheKeys.order(id));
  }
}
