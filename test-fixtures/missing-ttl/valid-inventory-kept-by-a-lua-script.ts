// valid: the seats left are seeded from the event row once, then changed only by a Lua script that
// reserves atomically: Redis holds the inventory itself, which must not expire nor be deleted.
import { createClient } from 'redis';
import { DataSource } from 'typeorm';
import { Event } from './event.entity';

const redis = createClient();
const RESERVE = `local left = tonumber(redis.call('GET', KEYS[1])) if left >= tonumber(ARGV[1]) then redis.call('DECRBY', KEYS[1], ARGV[1]) return 1 end return 0`;

export async function seed(ds: DataSource, events: Event[]) {
  const saved = await ds.getRepository(Event).save(events);
  for (const e of saved) await redis.set(`event:available_seats:${e.id}`, String(e.availableSeats));
}

export async function reserve(eventId: string, seats: number) {
  return redis.eval(RESERVE, { keys: [`event:available_seats:${eventId}`], arguments: [String(seats)] });
}
