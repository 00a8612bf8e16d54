import { Injectable } from '@nestjs/common';
import { WebhookRepository } from './webhook.repository';
import { WebhookUtil } from './webhook.util';

@Injectable()
export class WebhookService {
  constructor(
    private readonly webhookRepository: WebhookRepository,
    private readonly util: WebhookUtil,
  ) {}

  async findBySecretAndCache(secret: string) {
    const cached = await this.util.getCacheBySecret(secret);
    if (cached) return cached;
    const row = await this.webhookRepository.findBySecret(secret);
    if (row) await this.util.setCacheBySecret(secret, row);
    return row;
  }

  // a method named like a delete, with a key nothing names: still a service method, not a facade over
  // the cache. It loads the row, then deletes it and its cached copy at once; the cache delete lands
  // first, and a receiver that misses in between caches the deleted webhook for ten minutes
  async deleteByAdmin(id: string) {
    const webhook = await this.webhookRepository.findById(id);
    if (!webhook) throw new Error('webhook not found');
    const [deleted] = await Promise.all([
      this.webhookRepository.delete(id),
      this.util.deleteCacheBySecret(webhook.secret), // expect: invalidate-before-commit
    ]);
    return deleted;
  }

  // valid: the same method shape, deleting the cached copy once the row is gone
  async removeByAdmin(id: string) {
    const webhook = await this.webhookRepository.findById(id);
    if (!webhook) throw new Error('webhook not found');
    const deleted = await this.webhookRepository.delete(id);
    await this.util.deleteCacheBySecret(webhook.secret);
    return deleted;
  }
}
