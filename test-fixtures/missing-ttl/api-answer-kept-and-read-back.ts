import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL!);

// look-alike: an API's answer kept under a key that nothing in this codebase reads or deletes
export async function startBot(botId: string, url: string) {
  const res = await fetch(`${url}/start`, { method: 'POST' }).then((r) => r.json());
  await redis.set(`bot_greeting_${botId}`, JSON.stringify(res.messages));
  return res.messages;
}

// the same kind of answer, read back and refetched on a miss: a cache, and it never expires
export async function exchangeRates(base: string) {
  const hit = await redis.get(`rates:${base}`);
  if (hit) return JSON.parse(hit);
  const rates = await fetch(`https://rates.example.com/${base}`).then((r) => r.json());
  await redis.set(`rates:${base}`, JSON.stringify(rates)); // expect: missing-ttl
  return rates;
}
