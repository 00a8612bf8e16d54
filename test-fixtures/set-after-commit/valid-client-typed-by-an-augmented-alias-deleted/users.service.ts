// valid: the rename deletes the cached user after the update; the next read reloads it.
import { Collection } from 'mongodb';
import express from 'express';
import { User, UserCache } from './userCache';

export async function renameUser(users: Collection<User>, cache: UserCache, tenantID: string, id: string, username: string) {
  const updated = await users.findOneAndUpdate({ tenantID, id }, { $set: { username } }, { returnDocument: 'after' });
  if (updated) await cache.invalidate(tenantID, id);
  return updated;
}

declare const users: Collection<User>;
declare const cache: UserCache;
export const app = express();
app.put('/users/:tenant/:id', async (req, res) => res.json(await renameUser(users, cache, req.params.tenant, req.params.id, req.body.username)));
app.get('/users/:tenant/:id', async (req, res) => res.json(await cache.findUser(req.params.tenant, req.params.id)));
