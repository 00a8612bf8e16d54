import { NotificationService } from './notifications';

export class FollowService {
  constructor(private readonly notifications: NotificationService) {}

  async follow(followerId: string, followeeId: string, host: string) {
    const sent = await this.notifications.notify(followeeId, host, `${followerId} follows you`);
    return { sent };
  }
}
