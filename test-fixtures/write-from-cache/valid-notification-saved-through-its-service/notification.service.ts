import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Notification } from './notification.entity';

@Injectable()
export class NotificationService {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async save(notification: Partial<Notification>) {
    return this.notifications.save(notification);
  }
}
