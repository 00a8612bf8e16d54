import { createClient } from 'redis';
import { Op } from 'sequelize';
import { Booking } from './models';

const redis = createClient();

function availabilityKey(roomId: string, day: string): string {
  return ['availability', 'room', roomId, day].join(':');
}

export async function availability(roomId: string, day: string) {
  const cached = await redis.get(availabilityKey(roomId, day));
  if (cached) return JSON.parse(cached);
  const bookings = await Booking.findAll({ where: { roomId, day: { [Op.eq]: day } } });
  await redis.set(availabilityKey(roomId, day), JSON.stringify(bookings), { EX: 60 });
  return bookings;
}

export async function book(roomId: string, day: string, guestId: string) {
  await Booking.create({ roomId, day, guestId });
  await redis.del(`availability:rooms:${roomId}:${day}`); // expect: key-drift
}
