// valid: the hotel list holds hotels and their rooms, no bookings: deleting it before a booking is
// cancelled races with nothing the list holds.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

export async function hotels() {
  const hit = await redis.get('hotels');
  if (hit) return JSON.parse(hit);
  const list = await prisma.hotel.findMany({ include: { Room: true } });
  await redis.set('hotels', JSON.stringify(list), { EX: 3600 });
  return list;
}

export async function cancelBooking(id: number) {
  await redis.del('hotels');
  return prisma.roomsUsers.delete({ where: { id } });
}
