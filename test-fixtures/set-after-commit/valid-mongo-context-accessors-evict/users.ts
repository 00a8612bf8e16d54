// valid: the username change evicts the cached user after the write; the next read reloads it
import { Router } from 'express';
import { MongoContext } from './context';
import { updateUserUsername } from './model';
import { UserCache } from './userCache';

declare const mongo: MongoContext;
declare const cache: UserCache;
export const router = Router();

async function updateUsername(tenantID: string, id: string, username: string) {
  const updated = await updateUserUsername(mongo, tenantID, id, username);
  await cache.evict(updated);
  return updated;
}

router.get('/users/:tenant/:id', async (req, res) => res.json(await cache.findUser(req.params.tenant, req.params.id)));
router.put('/users/:tenant/:id/username', async (req, res) => res.json(await updateUsername(req.params.tenant, req.params.id, req.body.username)));
