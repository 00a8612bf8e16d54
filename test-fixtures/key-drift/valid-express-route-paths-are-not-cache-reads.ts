// valid: `router.get('/orders/:id')` is a route, not a cache read of an `orders` key: the only
// cache use here is a delete of a key the order service (another deployment) reads
import { Router } from 'express';
import { createClient } from 'redis';
import { pool } from './db';

const redis = createClient();
export const router = Router();

router.get('/orders/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});

router.post('/orders/:id/cancel', async (req, res) => {
  await pool.query("UPDATE orders SET status = 'cancelled' WHERE id = $1", [req.params.id]);
  await redis.del(`order:${req.params.id}`);
  res.sendStatus(204);
});
