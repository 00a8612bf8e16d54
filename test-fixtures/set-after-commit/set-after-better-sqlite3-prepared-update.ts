// A small service on better-sqlite3 with an lru-cache in front of it.
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';

interface Flag {
  key: string;
  enabled: number;
}

const db = new Database('app.db');
const flags = new LRUCache<string, Flag>({ max: 200, ttl: 15_000 });

export function setFlag(key: string, enabled: boolean): Flag {
  db.prepare('UPDATE feature_flags SET enabled = ? WHERE key = ?').run(enabled ? 1 : 0, key);
  const flag = db.prepare('SELECT key, enabled FROM feature_flags WHERE key = ?').get(key) as Flag;
  flags.set(`feature_flag:${key}`, flag); // expect: set-after-commit
  return flag;
}
