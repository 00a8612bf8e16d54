import { Module } from '@nestjs/common';
import { CACHE_SERVICE } from './cache.interface';
import { RedisCacheService } from './redis-cache.service';
import { UsersService } from './users.service';

@Module({ providers: [UsersService, { provide: CACHE_SERVICE, useClass: RedisCacheService }] })
export class AppModule {}
