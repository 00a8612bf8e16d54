import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import type { Webhook } from '@prisma/client';

// the key's prefix comes from the configuration: nothing in the key says what it holds
@Injectable()
export class WebhookUtil {
  private readonly prefix: string;

  constructor(
    @Inject(CACHE_MANAGER) private readonly cacheManager: Cache,
    private readonly config: ConfigService,
  ) {
    this.prefix = this.config.get<string>('webhook.cachePrefix')!;
  }

  getCacheBySecret(secret: string) {
    return this.cacheManager.get<Webhook>(`${this.prefix}:${secret}`);
  }

  setCacheBySecret(secret: string, webhook: Webhook) {
    return this.cacheManager.set(`${this.prefix}:${secret}`, webhook, 600_000);
  }

  deleteCacheBySecret(secret: string) {
    return this.cacheManager.del(`${this.prefix}:${secret}`);
  }
}
