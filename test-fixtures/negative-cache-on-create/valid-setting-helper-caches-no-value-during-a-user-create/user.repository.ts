import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './entities';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByUsername(username: string) {
    return this.users.findOne({ where: { username } });
  }

  async create(user: Partial<User>) {
    const row = this.users.create(user);
    return this.users.save(row);
  }
}
