import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from './auth-user.model';
import { User } from './user.entity';

@Injectable()
export class AuthService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async getAuthUser(githubId: string) {
    const user = await this.users.findOneByOrFail({ githubId });
    return new AuthUser(user);
  }
}
