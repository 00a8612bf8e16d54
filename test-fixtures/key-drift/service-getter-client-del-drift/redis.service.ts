// A Nest service handing out named ioredis clients.
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class RedisService {
  private readonly clients = new Map<string, Redis>();

  getRedis(name = 'default'): Redis {
    return this.clients.get(name)!;
  }
}
