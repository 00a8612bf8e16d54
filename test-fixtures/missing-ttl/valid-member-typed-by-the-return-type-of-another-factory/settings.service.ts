// valid: the member is typed by the return type of a factory that is no cache client; its set()
// after a database read is no cache write.
import { PrismaClient } from '@prisma/client';
import type { SettingsStore } from './settings.client';

export class SettingsService {
  private readonly prisma = new PrismaClient();

  constructor(private readonly store: SettingsStore) {}

  async load(userId: string) {
    const hit = this.store.get(`settings:${userId}`);
    if (hit) return hit;
    const row = await this.prisma.settings.findUnique({ where: { userId } });
    this.store.set(`settings:${userId}`, row);
    return row;
  }
}
