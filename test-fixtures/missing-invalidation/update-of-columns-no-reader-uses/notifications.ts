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

  // a public method handing its arguments to a private one that reads the profile: callers of
  // `notify` (follows.ts) reach the read, but what they get back is not the profile
  async notify(userId: string, host: string, text: string) {
    return this.notifyInternal(userId, host, text);
  }

  private async notifyInternal(userId: string, host: string, text: string) {
    const profile = await this.profiles.fetch(userId);
    if (profile.mutedHosts.includes(host)) return false;
    console.log(text);
    return true;
  }
}
