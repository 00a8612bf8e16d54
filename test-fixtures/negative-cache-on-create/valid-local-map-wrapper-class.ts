// valid: a project class backed by a Map is not a cache client, even with a set(key, null) method
import { PrismaClient } from '@prisma/client';

class LocalCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    return e && e.expires > Date.now() ? e.value : undefined;
  }

  set(key: string, value: V, ttlMs = 30_000): void {
    this.entries.set(key, { value, expires: Date.now() + ttlMs });
  }
}

const prisma = new PrismaClient();
const local = new LocalCache<unknown>();

export async function findRegion(code: string) {
  const hit = local.get(`region:${code}`);
  if (hit !== undefined) return hit;
  const region = await prisma.region.findUnique({ where: { code } });
  local.set(`region:${code}`, region ?? null);
  return region;
}

export async function addRegion(code: string, name: string) {
  const region = await prisma.region.create({ data: { code, name } });
  return region;
}
