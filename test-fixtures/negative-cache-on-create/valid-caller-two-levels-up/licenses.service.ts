// valid: caches the miss; its issue() is called by a controller that clears the key afterwards
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { LicensesRepository } from './licenses.repository';

@Injectable()
export class LicensesService {
  constructor(
    private readonly repo: LicensesRepository,
    @Inject(CACHE_MANAGER) readonly cache: Cache,
  ) {}

  async validate(key: string) {
    const cached = await this.cache.get<string>(`license:${key}`);
    if (cached === '__missing__') return null;
    if (cached) return JSON.parse(cached);
    const license = await this.repo.findByKey(key);
    await this.cache.set(`license:${key}`, license ? JSON.stringify(license) : '__missing__', 60_000);
    return license;
  }

  async issue(key: string, seats: number) {
    const license = await this.repo.insertLicense(key, seats);
    return license;
  }
}
