// valid: priceOf() reads a cached runtime flag only to refuse the request; the price it returns
// comes from the payment provider, so the subscription update writes nothing read from the cache
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';

const redis = new Redis();
const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_KEY!);

class RuntimeConfig {
  async fetch(key: string): Promise<unknown> {
    const hit = await redis.get(`runtime:${key}`);
    if (hit !== null) return JSON.parse(hit);
    const row = await prisma.runtimeConfig.findUnique({ where: { key } });
    await redis.set(`runtime:${key}`, JSON.stringify(row?.value ?? null), 'EX', 60);
    return row?.value ?? null;
  }
}

export class Billing {
  constructor(private readonly runtime: RuntimeConfig) {}

  private async priceOf(plan: string): Promise<string> {
    const lifetimeEnabled = await this.runtime.fetch('payment/lifetime');
    if (!lifetimeEnabled) {
      throw new Error('lifetime plans are off');
    }
    const prices = await stripe.prices.list({ lookup_keys: [plan] });
    return prices.data[0].id;
  }

  async switchPlan(subscriptionId: string, plan: string) {
    const price = await this.priceOf(plan);
    return prisma.subscription.update({ where: { id: subscriptionId }, data: { price } });
  }
}
