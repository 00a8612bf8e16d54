import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { TenantSettingService } from './tenant-setting.service';

@Injectable()
export class TenantSettingsMiddleware implements NestMiddleware {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cacheManager: Cache,
    private readonly tenantSettingService: TenantSettingService,
  ) {}

  async use(req: { tenantId: string; tenantSettings?: unknown }, _res: unknown, next: () => void) {
    const cacheKey = `tenantSettings_${req.tenantId}`;
    let settings = await this.cacheManager.get(cacheKey);
    if (!settings) {
      settings = await this.tenantSettingService.getSettings(req.tenantId);
      await this.cacheManager.set(cacheKey, settings, 5 * 60 * 1000);
    }
    req.tenantSettings = settings;
    next();
  }
}
