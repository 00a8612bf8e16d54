// valid: the list page reads invoice:<tenant>:<id> too, so the tenant-first delete reaches an entry
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

router.get('/tenants/:tenantId/invoices/:invoiceId/summary', async (req, res) => {
  const { tenantId, invoiceId } = req.params;
  const cached = await redis.get(`invoice:${tenantId}:${invoiceId}`);
  if (cached) return res.json(JSON.parse(cached));
  const invoice = await db.getRepository('Invoice').findOneBy({ id: invoiceId, tenantId });
  await redis.set(`invoice:${tenantId}:${invoiceId}`, JSON.stringify(invoice), 'EX', 300);
  res.json(invoice);
});

router.post('/invoices/:invoiceId/payments', async (req, res) => {
  const tenantId = req.header('x-tenant')!;
  const { invoiceId } = req.params;
  await db.getRepository('Invoice').update({ id: invoiceId, tenantId }, { status: 'paid' });
  await redis.del(`invoice:${tenantId}:${invoiceId}`);
  res.sendStatus(204);
});
