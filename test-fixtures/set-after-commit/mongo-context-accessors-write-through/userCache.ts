import Redis from 'ioredis';
import { MongoContext, User } from './context';

export class UserCache {
  constructor(private mongo: MongoContext, private redis: Redis, private expirySeconds: number) {}

  private key(tenantID: string, id: string) {
    return `${tenantID}:${id}:userData`;
  }

  public async populateUsers(tenantID: string, ids: string[]) {
    const users = await this.mongo.users().find({ tenantID, id: { $in: ids } }).toArray();
    const cmd = this.redis.multi();
    for (const user of users) {
      cmd.set(this.key(tenantID, user.id), JSON.stringify(user));
      cmd.expire(this.key(tenantID, user.id), this.expirySeconds);
    }
    await cmd.exec();
    return users;
  }

  public async findUser(tenantID: string, id: string): Promise<User> {
    const key = this.key(tenantID, id);
    let record = await this.redis.get(key);
    if (!record) {
      await this.populateUsers(tenantID, [id]);
      record = await this.redis.get(key);
    }
    if (!record) throw new Error(`user ${id} not found`);
    return JSON.parse(record);
  }

  public async update(user: User) {
    const cmd = this.redis.multi();
    cmd.set(this.key(user.tenantID, user.id), JSON.stringify(user));
    cmd.expire(this.key(user.tenantID, user.id), this.expirySeconds);
    await cmd.exec();
  }

  public async evict(user: User) {
    await this.redis.del(this.key(user.tenantID, user.id));
  }
}
