// valid: the cache keeps plex.tv's answer for five minutes; the login saves the account it names
// into a user row: a mirror of the API, no copy of the database's own row written back
import NodeCache from 'node-cache';
import { DataSource } from 'typeorm';
import { User } from './user.entity';

const plexCache = new NodeCache({ stdTTL: 300 });
const dataSource = new DataSource({ type: 'postgres' });

async function plexAccount(token: string): Promise<{ id: string; username: string }> {
  const key = `plextv:account:${token}`;
  const hit = plexCache.get<{ id: string; username: string }>(key);
  if (hit) return hit;
  const res = await fetch('https://plex.tv/users/account.json', { headers: { 'X-Plex-Token': token } });
  const account = (await res.json()).user;
  plexCache.set(key, account);
  return account;
}

export async function plexLogin(token: string) {
  const account = await plexAccount(token);
  const users = dataSource.getRepository(User);
  const user = (await users.findOneBy({ plexId: account.id })) ?? users.create({ plexId: account.id });
  user.plexUsername = account.username;
  await users.save(user);
}
