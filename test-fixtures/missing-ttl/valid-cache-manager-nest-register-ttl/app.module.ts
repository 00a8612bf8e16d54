// valid: CacheModule.register({ ttl }) gives every cache-manager write in the project a default expiry
import { Module } from '@nestjs/common';
import { CacheModule } from '@nestjs/cache-manager';
import { CatalogService } from './catalog.service';

@Module({
  imports: [CacheModule.register({ ttl: 5000, max: 1000, isGlobal: true })],
  providers: [CatalogService],
})
export class AppModule {}
