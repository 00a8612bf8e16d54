import type { User } from '@prisma/client';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';

/**
 * Accounts are provisioned by the identity provider's sign-up hook, which passes its subject id:
 * the id is known (and already polled by the client app) before the row exists.
 */
export class CreateUserDto {
  @Matches(/^[A-Za-z0-9|_-]{1,64}$/, { message: 'id must be an identity-provider subject' })
  id!: string;

  @IsEmail()
  email!: string;

  @IsString()
  @Length(1, 120)
  name!: string;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

export function toUserView(u: User): UserView {
  return { id: u.id, email: u.email, name: u.name, createdAt: u.createdAt.toISOString() };
}
