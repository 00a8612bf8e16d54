import { Injectable } from '@nestjs/common';
import { NotificationRepository } from './notification.repository';
import { Nudge } from './nudge.usecase';

@Injectable()
export class MergeDigest {
  constructor(
    private readonly notificationRepository: NotificationRepository,
    private readonly nudge: Nudge,
  ) {}

  async execute(command: { organizationId: string; notificationId: string }) {
    await this.notificationRepository.update({ _id: command.notificationId, _organizationId: command.organizationId }, { status: 'merged' });
    return this.nudge.execute(command);
  }
}
