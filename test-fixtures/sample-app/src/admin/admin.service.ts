// Back-office operations on the catalog: price changes (audited) and archiving. Written against
// Prisma and Redis directly because they run from the admin console, outside the product module.
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { redis } from '../cache/redis';
import { CacheKeys, PRODUCT_TTL_SECONDS } from '../cache/keys';
import { PrismaService } from '../database/prisma';
import { type ProductView, toProductView } from '../products/product.dto';
import { OrdersService } from '../orders/orders.service';
import type { OrderStatus } from '../orders/order.entity';

@Injectable()
export class AdminService {
  private readonly logger = new Logger(AdminService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly orders: OrdersService,
  ) {}

  async setPrice(id: string, priceCents: number, actor: string): Promise<ProductView> {
    if (!Number.isInteger(priceCents) || priceCents < 0) {
      throw new BadRequestException('priceCents must be a whole number of cents');
    }
    const product = await this.prisma.product.update({ where: { id }, data: { priceCents } });
    const view = toProductView(product);
    await redis.set(CacheKeys.product(id), JSON.stringify(view), 'EX', PRODUCT_TTL_SECONDS); // expect: set-after-commit
    this.logger.log(`price of ${id} set to ${priceCents} by ${actor}`);
    return view;
  }

  async archive(id: string, actor: string): Promise<void> {
    await this.prisma.product.update({ where: { id }, data: { archivedAt: new Date() } });
    await redis.del(`product:${id}`); // expect: key-drift
    this.logger.log(`product ${id} archived by ${actor}`);
  }

  async setOrderStatus(id: string, status: OrderStatus, actor: string): Promise<void> {
    await this.orders.setStatus(id, status);
    this.logger.log(`order ${id} set to ${status} by ${actor}`);
  }
}
