import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Ticket } from './ticket.entity';

const redis = new Redis();
const dataSource = new DataSource({ type: 'postgres' });
const tickets = dataSource.getRepository(Ticket);

export async function ticket(id: number) {
  const hit = await redis.get(`ticket:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await tickets.findOneBy({ id });
  await redis.set(`ticket:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function close(id: number) {
  const row = await tickets.findOneByOrFail({ id });
  row.closed = true;
  await tickets.save(row); // expect: missing-invalidation
}
