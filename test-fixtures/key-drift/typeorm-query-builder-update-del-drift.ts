import { Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject } from '@nestjs/common';
import { Cache } from 'cache-manager';
import { DataSource } from 'typeorm';
import { Coupon } from './coupon.entity';

@Injectable()
export class CouponsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CACHE_MANAGER) private readonly cacheManager: Cache,
  ) {}

  async byCode(code: string): Promise<Coupon | null> {
    const cached = await this.cacheManager.get<Coupon>(`coupon:code:${code}`);
    if (cached) return cached;
    const coupon = await this.dataSource.getRepository(Coupon).findOneBy({ code });
    if (coupon) await this.cacheManager.set(`coupon:code:${code}`, coupon, 60_000);
    return coupon;
  }

  async expire(code: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(Coupon)
      .set({ expiresAt: () => 'NOW()' })
      .where('code = :code', { code })
      .execute();
    await this.cacheManager.del(`coupon_code_${code}`); // expect: key-drift
  }
}
