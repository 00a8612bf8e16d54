// In-process lru-cache next to MikroORM's EntityManager.
import { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import { Coupon } from './coupon.entity';

const coupons = new LRUCache<string, Coupon>({ max: 500, ttl: 30_000 });

export class CouponService {
  constructor(private readonly em: EntityManager) {}

  async expire(code: string): Promise<Coupon> {
    await this.em.nativeUpdate(Coupon, { code }, { expiresAt: new Date() });
    const coupon = await this.em.findOneOrFail(Coupon, { code });
    coupons.delete(`coupon:${code}`); // expect: set-after-commit
    return coupon;
  }
}
