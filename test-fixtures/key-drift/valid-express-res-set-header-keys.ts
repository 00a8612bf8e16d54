// valid: Express `res.set`/`req.app.set` take header and setting names, not cache keys
import express, { type Request, type Response } from 'express';
import Redis from 'ioredis';
import { pool } from './db';

const app = express();
const redis = new Redis();

app.get('/orders/:id', async (req: Request, res: Response) => {
  const key = `order:v1:${req.params.id}`;
  const cached = await redis.get(key);
  res.set(`order_${req.params.id}`, cached ? 'hit' : 'miss');
  res.set('Cache-Control', 'private, max-age=30');
  if (cached) return res.type('json').send(cached);
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  await redis.set(key, JSON.stringify(rows[0]), 'EX', 30);
  res.json(rows[0]);
});

app.patch('/orders/:id', async (req: Request, res: Response) => {
  await pool.query('UPDATE orders SET note = $1 WHERE id = $2', [req.body.note, req.params.id]);
  await redis.del(`order:v1:${req.params.id}`);
  res.set(`orders-${req.params.id}`, 'invalidated');
  req.app.set(`order:${req.params.id}`, Date.now());
  res.sendStatus(204);
});

export { app };
