import type { User } from './user.entity';

export class AuthUser {
  public readonly id: number;
  public readonly githubId: string;
  constructor(user: User, public readonly isAdmin = false) {
    this.id = user.id;
    this.githubId = user.githubId;
  }
}
