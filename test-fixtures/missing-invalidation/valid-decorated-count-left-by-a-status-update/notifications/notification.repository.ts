import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

interface Notification {
  _id: string;
  _organizationId: string;
  status: string;
}

@Injectable()
export class NotificationRepository {
  constructor(@InjectModel('Notification') private readonly notification: Model<Notification>) {}

  async count(filter: Partial<Notification>, limit?: number) {
    return this.notification.countDocuments(filter, { limit });
  }

  async update(filter: Partial<Notification>, changes: Partial<Notification>) {
    return this.notification.updateOne(filter, { $set: changes });
  }
}
