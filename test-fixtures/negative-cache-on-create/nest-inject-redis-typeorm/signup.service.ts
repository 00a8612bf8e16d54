import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';

export class SignUpDto {
  email!: string;
  displayName!: string;
}

@Injectable()
export class SignUpService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async signUp(dto: SignUpDto): Promise<User> {
    const user = this.users.create(dto);
    return this.users.save(user); // expect: negative-cache-on-create
  }
}
