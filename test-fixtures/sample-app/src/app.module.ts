import { CacheModule } from '@nestjs/cache-manager';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdminController } from './admin/admin.controller';
import { AdminService } from './admin/admin.service';
import { AppCache } from './cache/app-cache';
import { ORDER_TTL_MS } from './cache/keys';
import { redis } from './cache/redis';
import { PrismaService } from './database/prisma';
import { Order } from './orders/order.entity';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { ProductsController } from './products/products.controller';
import { ProductsRepository } from './products/products.repository';
import { ProductsService } from './products/products.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  // In-process cache for orders; cache-manager v5 counts the TTL in milliseconds.
  imports: [CacheModule.register({ ttl: ORDER_TTL_MS, max: 10_000 })],
  controllers: [ProductsController, UsersController, OrdersController, AdminController],
  providers: [
    PrismaService,
    { provide: AppCache, useFactory: () => new AppCache(redis) },
    {
      provide: DataSource,
      useFactory: () =>
        new DataSource({
          type: 'postgres',
          url: process.env.ORDERS_DATABASE_URL,
          entities: [Order],
          synchronize: false,
        }).initialize(),
    },
    ProductsRepository,
    ProductsService,
    UsersService,
    OrdersService,
    AdminService,
  ],
})
export class AppModule {}
