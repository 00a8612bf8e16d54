// A cache of user documents, built on the augmented client type.
import { Collection } from 'mongodb';
import { AugmentedRedis } from './redis';

export interface User {
  id: string;
  tenantID: string;
  username: string;
}

export class UserCache {
  private readonly redis: AugmentedRedis;
  private readonly users: Collection<User>;
  private readonly expirySeconds: number;

  constructor(redis: AugmentedRedis, users: Collection<User>, expirySeconds = 86400) {
    this.redis = redis;
    this.users = users;
    this.expirySeconds = expirySeconds;
  }

  private dataKey(tenantID: string, id: string) {
    return `${tenantID}:${id}:userData`;
  }

  async findUser(tenantID: string, id: string) {
    const record = await this.redis.get(this.dataKey(tenantID, id));
    if (record) return JSON.parse(record) as User;
    const user = await this.users.findOne({ tenantID, id });
    if (user) await this.update(user);
    return user;
  }

  async update(user: Readonly<User>) {
    const cmd = this.redis.multi();
    const key = this.dataKey(user.tenantID, user.id);
    cmd.set(key, JSON.stringify(user));
    cmd.expire(key, this.expirySeconds);
    await cmd.exec();
  }

  async invalidate(tenantID: string, id: string) {
    await this.redis.del(this.dataKey(tenantID, id));
  }
}
