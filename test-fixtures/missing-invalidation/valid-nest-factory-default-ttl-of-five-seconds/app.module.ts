import { Module } from '@nestjs/common';
import { CacheModule } from '@nestjs/cache-manager';
import { redisStore } from 'cache-manager-redis-yet';
import { StepsService } from './steps.service';

@Module({
  imports: [
    CacheModule.registerAsync({
      isGlobal: true,
      useFactory: async () => ({
        ttl: 5000,
        store: await redisStore({ url: process.env.REDIS_URL }),
      }),
    }),
  ],
  providers: [StepsService],
})
export class AppModule {}
