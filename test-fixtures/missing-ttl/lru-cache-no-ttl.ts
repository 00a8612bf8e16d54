import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';

const templates = new LRUCache<string, string>({ max: 500 });

export async function loadTemplate(ds: DataSource, name: string, locale: string): Promise<string> {
  const key = `template:${name}:${locale}`;
  const hit = templates.get(key);
  if (hit) return hit;
  const row = await ds
    .createQueryBuilder()
    .select('t.body', 'body')
    .from('email_templates', 't')
    .where('t.name = :name AND t.locale = :locale', { name, locale })
    .getRawOne<{ body: string }>();
  const body = row?.body ?? '';
  templates.set(key, body); // expect: missing-ttl
  return body;
}
