import { ProfileCache } from './profile-cache';

export class NotificationService {
  constructor(private readonly profiles: ProfileCache) {}

  async shouldNotify(userId: string, host: string) {
    const profile = await this.profiles.fetch(userId);
    return !profile.mutedHosts.includes(host);
  }

  async welcomeText(followeeId: string) {
    const { followedMessage } = await this.profiles.fetch(followeeId);
    return followedMessage ?? '';
  }
}
