// valid: neither the Map-backed "Redis" nor the exported Map is a cache client
import { PrismaClient } from '@prisma/client';
import { memoryStore, seen } from './memory-store';

const prisma = new PrismaClient();

export async function riderByPhone(phone: string) {
  const cached = await memoryStore.get(`rider:${phone}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const rider = await prisma.rider.findUnique({ where: { phone } });
  await memoryStore.set(`rider:${phone}`, rider ? JSON.stringify(rider) : 'null');
  seen.set(`rider:${phone}`, rider ?? null);
  return rider;
}

export async function enlistRider(phone: string, name: string) {
  const rider = await prisma.rider.create({ data: { phone, name } });
  return rider;
}
