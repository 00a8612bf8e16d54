// The update reads the config through the service's own read-through, merges the patch, writes the
// row and then sets the merged value: a write-through, not the fill of that read (the read already
// filled the key on its miss).
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export class GuildConfigService {
  constructor(private readonly redis: Redis) {}

  private key(guildId: string) {
    return `guild:${guildId}:config`;
  }

  async getConfig(guildId: string): Promise<Record<string, unknown>> {
    const cached = await this.redis.get(this.key(guildId));
    if (cached) {
      const parsed = JSON.parse(cached) as Record<string, unknown>;
      return parsed;
    }
    const guild = await prisma.guild.findUnique({ where: { id: guildId } });
    const config = (guild?.config ?? {}) as Record<string, unknown>;
    await this.redis.set(this.key(guildId), JSON.stringify(config), 'EX', 3600);
    return config;
  }

  async updateConfig(guildId: string, patch: Record<string, unknown>) {
    const current = await this.getConfig(guildId);
    const merged = { ...current, ...patch };
    await prisma.guild.update({ where: { id: guildId }, data: { config: merged } }); // expect: write-from-cache
    await this.redis.set(this.key(guildId), JSON.stringify(merged), 'EX', 3600); // expect: set-after-commit
    return merged;
  }
}
