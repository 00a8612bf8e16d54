import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { FlagService } from './flag.service';
import { TenantService } from './tenant.service';

// Two read-through fills a guard makes, each loading through an injected service: one assigns the
// cached value to a variable declared earlier, one loads into a second variable.
@Injectable()
export class TenantGuard {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    private readonly tenants: TenantService,
    private readonly flags: FlagService,
  ) {}

  async settings(tenantId: string) {
    const key = `tenantSettings_${tenantId}`;
    let settings: Record<string, string> | undefined = {};
    settings = await this.cache.get<Record<string, string>>(key);
    if (!settings) {
      settings = await this.tenants.settingsOf(tenantId);
      await this.cache.set(key, settings, 300_000);
    }
    return settings;
  }

  async featureOn(tenantId: string, feature: string) {
    const key = `featureFlag_${tenantId}_${feature}`;
    let on = false;
    const cached = await this.cache.get<boolean>(key);
    if (cached === undefined || cached === null) {
      on = await this.flags.flagOf(tenantId, feature);
      await this.cache.set(key, on, 300_000);
    } else {
      on = cached;
    }
    return on;
  }
}
