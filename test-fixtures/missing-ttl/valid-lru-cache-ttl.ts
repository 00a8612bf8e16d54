// valid: LRUCache created with a ttl, or given a per-call { ttl }, expires its entries
import { LRUCache } from 'lru-cache';

const avatars = new LRUCache<string, Buffer>({ max: 100, ttl: 1000 });
const plain = new LRUCache<string, string>({ max: 50 });

export function rememberAvatar(userId: string, png: Buffer) {
  avatars.set(`avatar:${userId}`, png);
}

export function rememberLocale(userId: string, locale: string) {
  plain.set(`locale:${userId}`, locale, { ttl: 60_000 });
}
