// Profile writes through TypeORM's query builder set columns the cached AuthUser (id, GitHub login,
// admin flag) does not hold, and leave it right; a write of the login does not. A save on the
// branch where the lookup found no row inserts a user nobody can have cached.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { omitBy, isUndefined } from 'lodash';
import { User } from './user.entity';

@Injectable()
export class ProfileService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async updateContacts(id: number, firstName: string, cityName: string) {
    await this.users.createQueryBuilder().update(User).set({ firstName, cityName }).where('id = :id', { id }).execute();
  }

  async updateProfile(id: number, firstName?: string, discord?: string) {
    await this.users
      .createQueryBuilder()
      .update(User)
      .set(omitBy({ firstName, discord }, isUndefined))
      .where('id = :id', { id })
      .execute();
  }

  async relinkGithub(id: number, githubId: string) {
    await this.users.createQueryBuilder().update(User).set({ githubId }).where('id = :id', { id }).execute(); // expect: missing-invalidation
  }

  async upsertByLogin(item: Partial<User>) {
    const existing = await this.users.findOne({ where: { githubId: item.githubId } });
    if (existing == null) {
      await this.users.save(item);
    } else {
      await this.users.save({ ...existing, ...item }); // expect: missing-invalidation
    }
  }

  async importUser(item: Partial<User>) {
    const found = await this.users.findOneBy({ githubId: item.githubId });
    if (!found) await this.users.save(item);
  }
}
