// The hotel list is cached with its rooms and their bookings (Prisma `include`). Cancelling a
// booking deletes the list first, then the booking: a reader in between caches the old bookings
// again for the list's hour.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

export async function hotels() {
  const hit = await redis.get('hotels');
  if (hit) return JSON.parse(hit);
  const list = await prisma.hotel.findMany({ include: { Room: { include: { RoomsUsers: true } } } });
  await redis.set('hotels', JSON.stringify(list), { EX: 3600 });
  return list;
}

export async function cancelBooking(id: number) {
  await redis.del('hotels'); // expect: invalidate-before-commit
  return prisma.roomsUsers.delete({ where: { id } });
}
