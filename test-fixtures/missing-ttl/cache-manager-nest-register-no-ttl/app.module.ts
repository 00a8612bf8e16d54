import { Module } from '@nestjs/common';
import { CacheModule } from '@nestjs/cache-manager';
import { ProductsService } from './products.service';

@Module({
  imports: [CacheModule.register({ isGlobal: true })],
  providers: [ProductsService],
})
export class AppModule {}
