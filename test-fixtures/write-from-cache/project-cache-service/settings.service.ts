import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { CacheService } from './cache.service';

interface Settings {
  theme: string;
  locale: string;
}

@Injectable()
export class SettingsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cacheService: CacheService,
  ) {}

  async setTheme(userId: string, theme: string) {
    const current = await this.cacheService.get<Settings>(`settings:${userId}`);
    await this.prisma.settings.update({ where: { userId }, data: { ...current, theme } }); // expect: write-from-cache
    await this.cacheService.del(`settings:${userId}`);
  }
}
