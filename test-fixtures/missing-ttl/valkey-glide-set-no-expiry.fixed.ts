// Valkey GLIDE: the expiry goes in the options object, with the TimeUnit the file imports.
import { GlideClient, TimeUnit } from '@valkey/valkey-glide';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const client = await GlideClient.createClient({ addresses: [{ host: 'localhost', port: 6379 }] });

export async function venue(id: string) {
  const hit = await client.get(`venue:${id}`);
  if (hit) return JSON.parse(String(hit));
  const row = await prisma.venue.findUnique({ where: { id } });
  await client.set(`venue:${id}`, JSON.stringify(row), { expiry: { type: TimeUnit.Seconds, count: 300 } }); // expect: missing-ttl
  return row;
}

export async function seatMap(id: string) {
  const hit = await client.get(`seatmap:${id}`);
  if (hit) return JSON.parse(String(hit));
  const rows = await prisma.seat.findMany({ where: { venueId: id } });
  await client.set(`seatmap:${id}`, JSON.stringify(rows), { expiry: { type: TimeUnit.Seconds, count: 600 } });
  return rows;
}
