// valid: the lookup keeps two ids picked off the joined row, whatever else the query selects:
// an update of the channel's other columns leaves both ids as they are
import Redis from 'ioredis';
import { Pool } from 'pg';
import { Router } from 'express';

const pool = new Pool();
const redis = new Redis();

export async function resolveChannel(platform: string, handle: string) {
  const hit = await redis.get(`channel:${platform}:${handle}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query(
    'SELECT c.id, c.title, c.handle, i.id AS integration_id FROM channels c JOIN integrations i ON i.channel_id = c.id WHERE c.platform = $1 AND c.handle = $2',
    [platform, handle],
  );
  const row = rows[0];
  if (!row) return null;
  const value = { channelId: row.id, integrationId: row.integration_id };
  await redis.set(`channel:${platform}:${handle}`, JSON.stringify(value), 'EX', 86400);
  return value;
}

export async function retitleChannel(id: string, title: string) {
  await pool.query('UPDATE channels SET title = $2 WHERE id = $1', [id, title]);
}

export const router = Router();
router.get('/c/:platform/:handle', async (req, res) => res.json(await resolveChannel(req.params.platform, req.params.handle)));
router.patch('/c/:id', async (req, res) => res.json(await retitleChannel(req.params.id, req.body.title)));
