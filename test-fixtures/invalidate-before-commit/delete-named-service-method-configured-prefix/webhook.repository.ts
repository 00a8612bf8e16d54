import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class WebhookRepository {
  constructor(private readonly db: PrismaClient) {}

  findById(id: string) {
    return this.db.webhook.findUnique({ where: { id } });
  }

  delete(id: string) {
    return this.db.webhook.delete({ where: { id } });
  }

  findBySecret(secret: string) {
    return this.db.webhook.findUnique({ where: { secret } });
  }
}
