// valid: Bun's file, SQLite and Map-like APIs are no cache clients; only RedisClient and redis are
import { file, write } from 'bun';
import { Database } from 'bun:sqlite';

const db = new Database('app.db');
const headers = new Headers();

export async function saveReport(id: string, body: string) {
  db.query('UPDATE reports SET body = ? WHERE id = ?').run(body, id);
  headers.set(`x-report-${id}`, 'saved');
  await write(file(`reports/${id}.txt`), body);
}
