// valid: the update writes the row the same flow has just created: no reader can have cached it
import Redis from 'ioredis';
import { Model } from 'mongoose';

interface User {
  _id: string;
  email: string;
  hashes?: Record<string, string>;
}

export class Accounts {
  constructor(
    private readonly redis: Redis,
    private readonly users: Model<User>,
  ) {}

  async getUser(id: string) {
    const hit = await this.redis.get(`user:${id}`);
    if (hit) return JSON.parse(hit) as User;
    const user = await this.users.findById(id).lean();
    if (user) await this.redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
    return user;
  }

  async register(email: string, secret: string) {
    const user = await this.users.create({ email });
    await this.users.updateOne({ _id: user._id }, { $set: { 'hashes.chat': secret } });
    return user;
  }
}
