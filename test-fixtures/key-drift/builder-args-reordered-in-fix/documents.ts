import Redis from 'ioredis';
import { Document } from './document.model';
import { keys } from './keys';

export const redis = new Redis();

export async function getDocument(tenantId: string, docId: string) {
  const hit = await redis.get(keys.document(docId, tenantId));
  if (hit) return JSON.parse(hit);
  const doc = await Document.findOne({ _id: docId, tenantId }).lean();
  if (doc) await redis.set(keys.document(docId, tenantId), JSON.stringify(doc), 'EX', 300);
  return doc;
}
