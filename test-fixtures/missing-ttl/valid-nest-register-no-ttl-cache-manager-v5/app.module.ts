// valid: before @nestjs/cache-manager v3 (cache-manager v5 here), register() without ttl applies Nest's 5-second default
import { Module } from '@nestjs/common';
import { CacheModule } from '@nestjs/cache-manager';
import { ProductsService } from './products.service';

@Module({
  imports: [CacheModule.register({ isGlobal: true, max: 500 })],
  providers: [ProductsService],
})
export class AppModule {}
