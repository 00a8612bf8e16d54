// valid: RedisCache.set defaults its TTL to an hour, whether or not the caller passes one
import { RedisCache } from './redis-cache';
import { prisma } from './prisma';

export class PricingService {
  constructor(private readonly cache: RedisCache) {}

  async priceList(region: string) {
    const cached = await this.cache.get<unknown[]>(`prices:${region}`);
    if (cached) return cached;
    const prices = await prisma.price.findMany({ where: { region } });
    await this.cache.set(`prices:${region}`, prices);
    await this.cache.set(`prices:${region}:count`, prices.length, 60);
    return prices;
  }
}
