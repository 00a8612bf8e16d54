import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisKeyPrefix } from '../common/redis-key-prefix.enum';
import { getRedisKey } from '../common/utils';
import { UserRole } from './user-role.entity';

export class UserRoleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
  ) {}

  async roleIdsOf(userId: string): Promise<string[]> {
    const key = getRedisKey(RedisKeyPrefix.USER_ROLE, userId);
    const hit = await this.redis.get(key);
    if (hit) return JSON.parse(hit);
    const rows = await this.dataSource.getRepository(UserRole).find({ where: { userId } });
    const ids = rows.map((r) => r.roleId);
    await this.redis.set(key, JSON.stringify(ids), 'EX', 3600);
    return ids;
  }

  async setRoles(userId: string, roleIds: string[]) {
    await this.dataSource.transaction(async (em) => {
      await em.delete(UserRole, { userId });
      await em.save(roleIds.map((roleId) => em.create(UserRole, { userId, roleId })));
    });
    await this.redis.set(getRedisKey(RedisKeyPrefix.USER_ROLE, userId), JSON.stringify(roleIds), 'EX', 3600); // expect: set-after-commit
  }

  // look-alike: the same write, then the key is deleted for the next reader to reload
  async clearRoles(userId: string) {
    await this.dataSource.transaction(async (em) => {
      await em.delete(UserRole, { userId });
    });
    await this.redis.del(getRedisKey(RedisKeyPrefix.USER_ROLE, userId));
  }
}
