// valid: the miss path awaits a call that makes something (a new report), and the LRU map is where
// the application keeps it: nothing is reloaded from a source, so no TTL is owed.
import { LRUCache } from 'lru-cache';
import dayjs from 'dayjs';
import { createDailyReport } from './reports';

const reports = new LRUCache<string, { id: string }>({ max: 500 });

export async function reportForToday(shopId: string) {
  const key = `daily-report:${shopId}`;
  if (reports.has(key)) return reports.get(key)!;
  const day = dayjs().startOf('day');
  const report = await createDailyReport(shopId, day.toDate());
  reports.set(key, report);
  return report;
}
