// The request's log row is created first and completed when the answer arrives, its price worked
// out from the gateway's cached rates: a record of what the request used, not the cached gateway
// written back. Writing the cached gateway itself back is reported.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function cachedGateway(id: string) {
  const raw = await redis.get(`gateway:${id}`);
  if (raw) return JSON.parse(raw);
  const gateway = await prisma.gateway.findUnique({ where: { id } });
  await redis.set(`gateway:${id}`, JSON.stringify(gateway), 'EX', 300);
  return gateway;
}

function priceOf(args: { tokens: number; rate?: number }) {
  return args.rate === undefined ? 0 : args.tokens * args.rate;
}

async function resolveGateway(id: string, requestKey: string) {
  const gateway = await cachedGateway(id);
  return { gateway, apiKey: gateway?.apiKey ?? requestKey };
}

export async function proxy(gatewayId: string, prompt: string, requestKey: string) {
  const { gateway, apiKey } = await resolveGateway(gatewayId, requestKey);
  await fetch('https://llm.example/v1', { headers: { authorization: apiKey }, method: 'POST', body: prompt });
  const pending = prisma.gatewayLogs.create({ data: { gatewayId, status: 'pending' } });
  const tokens = prompt.length;
  pending.then(async ({ id: logId }) => {
    const custom = gateway?.custom ? priceOf({ tokens, rate: gateway?.inputRate }) : undefined;
    const price = custom ? custom : tokens;
    // valid: the log row records the price this request was charged at
    await prisma.gatewayLogs.update({ where: { id: logId }, data: { status: 'done', tokens, price, model: gateway?.model } });
  });
}

export async function touch(gatewayId: string) {
  const gateway = await cachedGateway(gatewayId);
  await prisma.gateway.update({ where: { id: gatewayId }, data: { ...gateway, lastUsedAt: new Date() } }); // expect: write-from-cache, missing-invalidation
}
