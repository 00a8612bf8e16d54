// The invoice is cached as invoice:<id>:<tenant>; the payment path deletes invoice:<tenant>:<id>.
import Redis from 'ioredis';
import { Router } from 'express';
import { DataSource } from 'typeorm';

const redis = new Redis();
declare const db: DataSource;
export const router = Router();

router.get('/invoices/:id', async (req, res) => {
  const tenantId = req.header('x-tenant')!;
  const { id } = req.params;
  const cached = await redis.get(`invoice:${id}:${tenantId}`);
  if (cached) return res.json(JSON.parse(cached));
  const invoice = await db.getRepository('Invoice').findOneBy({ id, tenantId });
  await redis.set(`invoice:${id}:${tenantId}`, JSON.stringify(invoice), 'EX', 300);
  res.json(invoice);
});

router.post('/invoices/:invoiceId/payments', async (req, res) => {
  const tenantId = req.header('x-tenant')!;
  const { invoiceId } = req.params;
  await db.getRepository('Invoice').update({ id: invoiceId, tenantId }, { status: 'paid' });
  await redis.del(`invoice:${invoiceId}:${tenantId}`); // expect: key-drift
  res.sendStatus(204);
});
