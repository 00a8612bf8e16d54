// valid: UserRepository.updateOne hands its own parameters to the model as they are: a facade whose
// callers choose the rows and the data (and clear the cache where they change a user)
import Redis from 'ioredis';
import { Model } from 'mongoose';

interface User {
  _id: string;
  name: string;
}

export class UserRepository {
  constructor(private readonly users: Model<User>) {}

  findById(id: string) {
    return this.users.findById(id).lean();
  }

  updateOne(query: Record<string, unknown>, body: Record<string, unknown>) {
    return this.users.updateOne(query, body);
  }
}

export class UserService {
  constructor(
    private readonly redis: Redis,
    private readonly store: UserRepository,
    private readonly users: Model<User>,
  ) {}

  async get(id: string) {
    const hit = await this.redis.get(`user:${id}`);
    if (hit) return JSON.parse(hit) as User;
    const user = await this.users.findById(id).lean();
    if (user) await this.redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
    return user;
  }

  async rename(id: string, name: string) {
    await this.users.updateOne({ _id: id }, { $set: { name } });
    await this.redis.del(`user:${id}`);
  }
}
