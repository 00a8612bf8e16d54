import { EntityManager } from '@mikro-orm/postgresql';
import type { Cache } from 'cache-manager';
import { Listing } from './listing.entity';

export class ListingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly cache: Cache,
  ) {}

  async feature(id: number) {
    const listing = await this.cache.get<Listing>(`listing:${id}`);
    if (!listing) return;
    await this.em.nativeUpdate(Listing, { id }, { ...listing, featured: true }); // expect: write-from-cache
    await this.cache.del(`listing:${id}`);
  }
}
