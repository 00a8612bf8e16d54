import { EntityManager } from '@mikro-orm/postgresql';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { Coach } from './coach.entity';

@Injectable()
export class CoachesService {
  constructor(
    private readonly em: EntityManager,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async byLicence(licenceNo: string): Promise<Coach | null> {
    const cached = await this.cache.get<Coach | false>(`coach:${licenceNo}`);
    if (cached === false) return null;
    if (cached) return cached;
    const coach = await this.em.findOne(Coach, { licenceNo });
    await this.cache.set(`coach:${licenceNo}`, coach ?? false, coach ? 600_000 : 60_000);
    return coach;
  }

  async enrol(id: string, licenceNo: string, name: string): Promise<Coach> {
    const coach = this.em.create(Coach, { id, licenceNo, name });
    await this.em.persistAndFlush(coach); // expect: negative-cache-on-create
    return coach;
  }
}
