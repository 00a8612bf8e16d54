// valid: setex/psetex take the expiry as an argument, so the write always expires
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';

@Injectable()
export class OtpService {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async issue(phone: string, code: string) {
    await this.redis.setex(`otp:${phone}`, 300, code);
  }

  async throttle(phone: string) {
    await this.redis.psetex(`otp:${phone}:throttle`, 60_000, '1');
  }
}
