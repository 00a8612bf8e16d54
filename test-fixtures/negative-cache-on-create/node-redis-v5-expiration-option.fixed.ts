import { createClient } from 'redis';
import { Repository } from 'typeorm';
import { Webhook } from './webhook.entity';

const client = createClient({ url: process.env.REDIS_URL });

export class WebhookRegistry {
  constructor(private readonly webhooks: Repository<Webhook>) {}

  async endpointFor(eventType: string): Promise<Webhook | null> {
    const cached = await client.get(`webhook:${eventType}`);
    if (cached !== null) return JSON.parse(cached) as Webhook | null;
    const hook = await this.webhooks.findOneBy({ eventType });
    await client.set(`webhook:${eventType}`, JSON.stringify(hook ?? null), { expiration: { type: 'EX', value: 60 } });
    return hook;
  }

  async register(eventType: string, url: string): Promise<Webhook> {
    const hook = await this.webhooks.save({ eventType, url }); // expect: negative-cache-on-create
    await client.del(`webhook:${hook.eventType}`);
    return hook;
  }
}
