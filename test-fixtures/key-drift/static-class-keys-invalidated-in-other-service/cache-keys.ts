export class UserCacheKeys {
  static readonly PREFIX = 'user';

  static profile(userId: string): string {
    return `${UserCacheKeys.PREFIX}:profile:${userId}`;
  }

  static permissions(userId: string, orgId: string): string {
    return `${UserCacheKeys.PREFIX}:perms:${orgId}:${userId}`;
  }
}
