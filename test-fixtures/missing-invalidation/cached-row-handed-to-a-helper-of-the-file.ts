// The cached channel is handed to a function of this file, which uses its name, frequency and
// notification targets: an update of another column (the public share id) leaves nothing stale
// that a reader sees; renaming the channel does.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';

const redis = new Redis();
const prisma = new PrismaClient();

async function loadChannel(id: string) {
  const raw = await redis.get(`channel:${id}`);
  if (raw) return JSON.parse(raw);
  const channel = await prisma.channel.findUnique({ where: { id }, include: { targets: true } });
  await redis.set(`channel:${id}`, JSON.stringify(channel), 'EX', 600);
  return channel;
}

async function sendDigest(channel: { id: string; name: string; frequency: string; targets: { url: string }[] }, events: string[]) {
  const title = `${channel.name} (${channel.frequency})`;
  await Promise.all(channel.targets.map((t) => fetch(t.url, { method: 'POST', body: JSON.stringify({ title, events, channel: channel.id }) })));
}

export async function onEvent(channelId: string, event: string) {
  const channel = await loadChannel(channelId);
  if (channel?.frequency === 'each') await sendDigest(channel, [event]);
}

export const channels = Router();

// valid: no reader of the cached channel uses its share id
channels.post('/:id/share', async (req, res) => {
  const row = await prisma.channel.update({ where: { id: req.params.id }, data: { publicShareId: crypto.randomUUID() } });
  res.json({ shareId: row.publicShareId });
});

channels.put('/:id/name', async (req, res) => {
  await prisma.channel.update({ where: { id: req.params.id }, data: { name: req.body.name } }); // expect: missing-invalidation
  res.json({ ok: true });
});
