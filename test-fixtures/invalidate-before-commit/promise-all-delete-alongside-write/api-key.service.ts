import { Injectable } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyCache } from './api-key.cache';
import { PrismaService } from './prisma.service';

@Injectable()
export class ApiKeyService {
  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly apiKeyCache: ApiKeyCache,
    private readonly prisma: PrismaService,
  ) {}

  /** the guard's read-through: a miss loads the row and caches it for five minutes */
  async findActive(key: string) {
    const hit = await this.apiKeyCache.get(key);
    if (hit) return hit;
    const row = await this.repo.findOneByKey(key);
    if (row) await this.apiKeyCache.set(key, row);
    return row;
  }

  // the delete runs concurrently with the update and usually lands first: a guard that misses in
  // between caches the still-active row again, and the revoked key keeps working for five minutes
  async deactivate(id: string, key: string) {
    const [updated] = await Promise.all([
      this.repo.updateStatus(id, false),
      this.apiKeyCache.del(key), // expect: invalidate-before-commit
    ]);
    return updated;
  }

  async deactivateDirectly(id: string, key: string) {
    await Promise.all([this.prisma.apiKey.update({ where: { id }, data: { isActive: false } }), this.apiKeyCache.del(key)]); // expect: invalidate-before-commit
  }

  // valid: the delete waits for the update
  async activate(id: string, key: string) {
    const updated = await this.repo.updateStatus(id, true);
    await this.apiKeyCache.del(key);
    return updated;
  }

  // valid: what runs alongside the delete writes nothing the key caches
  async forgetOwner(ownerId: string, key: string) {
    await Promise.all([this.prisma.user.update({ where: { id: ownerId }, data: { apiKeyCount: 0 } }), this.apiKeyCache.del(key)]);
  }
}
