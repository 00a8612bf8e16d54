import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
import { AuthService } from './auth.service';
import { AuthUser } from './auth-user.model';

@Injectable()
export class JwtStrategy {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    private readonly authService: AuthService,
  ) {}

  async validate(payload: { id: number; githubId: string }): Promise<AuthUser> {
    const key = `auth-user-${payload.id}`;
    const cached = await this.cache.get<AuthUser>(key);
    if (cached) return cached;
    const authUser = await this.authService.getAuthUser(payload.githubId);
    await this.cache.set(key, authUser, 10 * 60 * 1000);
    return authUser;
  }
}
