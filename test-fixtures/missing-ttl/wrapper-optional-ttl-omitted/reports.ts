import { AppCache } from './app-cache';
import { db } from './db';

export async function monthlyReport(cache: AppCache, month: string) {
  const hit = await cache.get<object>(`report:${month}`);
  if (hit) return hit;
  const report = await db.selectFrom('sales').selectAll().where('month', '=', month).execute();
  await cache.put(`report:${month}`, report); // expect: missing-ttl
  return report;
}

export async function dailyReport(cache: AppCache, day: string) {
  const hit = await cache.get<object>(`report:day:${day}`);
  if (hit) return hit;
  const report = await db.selectFrom('sales').selectAll().where('day', '=', day).execute();
  await cache.put(`report:day:${day}`, report, 60_000);
  return report;
}
