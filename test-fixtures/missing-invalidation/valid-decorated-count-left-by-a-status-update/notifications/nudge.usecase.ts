// valid: the cache holds how many notifications an organization has (at most one, to tell "any");
// a job changing a notification's status moves no notification in or out of that count.
import { Injectable } from '@nestjs/common';
import { CachedEntity } from '../cache/cached-entity';
import { buildHasNotificationKey } from '../cache/key-builders';
import { NotificationRepository } from './notification.repository';

@Injectable()
export class Nudge {
  constructor(private readonly notificationRepository: NotificationRepository) {}

  async execute(command: { organizationId: string }) {
    const count = await this.notificationCount(command);
    return count === 0;
  }

  @CachedEntity({
    builder: (command: { organizationId: string }) => buildHasNotificationKey({ organizationId: command.organizationId }),
  })
  private async notificationCount(command: { organizationId: string }): Promise<number> {
    return await this.notificationRepository.count({ _organizationId: command.organizationId }, 1);
  }
}
