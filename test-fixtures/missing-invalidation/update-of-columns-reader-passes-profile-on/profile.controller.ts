import { ProfileCache } from './profile-cache';

export class ProfileController {
  constructor(private readonly profiles: ProfileCache) {}

  async muted(userId: string, host: string) {
    const profile = await this.profiles.fetch(userId);
    return profile.mutedHosts.includes(host);
  }

  // the whole cached profile goes out: any column may be read from it
  async show(userId: string) {
    const profile = await this.profiles.fetch(userId);
    return { ...profile, muted: profile.mutedHosts.length };
  }
}
