import { ProfileCache } from './profile-cache';

// A stream connection keeps the whole cached profile in a member; its channels read one column
// of it through a getter of the same name.
export class Connection {
  public profile: import('./profile-cache').Profile | null = null;

  constructor(private readonly profiles: ProfileCache, private readonly userId: string) {}

  async init() {
    this.profile = await this.profiles.fetch(this.userId);
  }
}

export class Channel {
  constructor(private readonly connection: Connection) {}

  get profile() {
    return this.connection.profile;
  }

  muted(host: string) {
    return new Set(this.profile?.mutedHosts ?? []).has(host);
  }
}
