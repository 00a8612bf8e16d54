// valid: Upstash writes pass { ex } / { px } or use setex
import { Redis } from '@upstash/redis';

const redis = Redis.fromEnv();

export async function cacheWeather(city: string, forecast: { highC: number; lowC: number }) {
  await redis.set(`weather:${city}`, forecast, { ex: 900 });
  await redis.set(`weather:${city}:stale`, forecast, { px: 1_800_000, nx: true });
  await redis.setex(`weather:${city}:summary`, 900, `${forecast.lowC}-${forecast.highC}`);
}
