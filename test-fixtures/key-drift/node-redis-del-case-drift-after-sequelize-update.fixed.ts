import { createClient } from 'redis';
import { User } from './models/user';

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('redis', err));
await client.connect();

export async function loadUser(userId: string) {
  const raw = await client.get(`User:${userId}`);
  if (raw) return JSON.parse(raw);
  const user = await User.findByPk(userId);
  if (user) await client.set(`User:${userId}`, JSON.stringify(user.toJSON()), { EX: 600 });
  return user?.toJSON() ?? null;
}

export async function deactivateUser(userId: string) {
  await User.update({ active: false }, { where: { id: userId } });
  await client.del(`User:${userId}`); // expect: key-drift
}
