import { Module } from '@nestjs/common';
import { CacheModule } from '@nestjs/cache-manager';
import { OrdersService } from './orders.service';

@Module({
  imports: [CacheModule.register()],
  providers: [OrdersService],
})
export class AppModule {}
