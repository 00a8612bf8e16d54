// valid: the set keeps what the factory returned (a tenant context), not the row it touched
import Redis from 'ioredis';
import { Router } from 'express';
import { Tenant } from './tenant';

const redis = new Redis();
export const router = Router();

async function tenantOf(id: string): Promise<Tenant> {
  const cached = await redis.get(`tenant-ctx:${id}`);
  if (cached) return JSON.parse(cached);
  const tenant = await Tenant.create(id);
  await redis.set(`tenant-ctx:${id}`, JSON.stringify(tenant), 'EX', 600);
  return tenant;
}

async function reload(id: string) {
  const tenant = await Tenant.create(id);
  await redis.set(`tenant-ctx:${id}`, JSON.stringify(tenant), 'EX', 600);
  return tenant;
}

router.get('/t/:id', async (req, res) => res.json(await tenantOf(req.params.id)));
router.post('/t/:id/reload', async (req, res) => res.json(await reload(req.params.id)));
