// valid: the online-user record of each session is found from its token key: the id is cut out of
// `admin:user:token:<id>` with its ':' and appended to `admin:online:user`, the key login writes.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const TOKEN_KEY = 'admin:user:token';
const ONLINE_KEY = 'admin:online:user';
const redis = new Redis();
const prisma = new PrismaClient();

export async function login(userId: number, token: string, ip: string) {
  const user = await prisma.sysUser.findUnique({ where: { userId } });
  await redis
    .pipeline()
    .set(`${TOKEN_KEY}:${userId}`, token, 'EX', 3600)
    .set(`${ONLINE_KEY}:${userId}`, JSON.stringify({ userName: user?.userName, ip }), 'EX', 3600)
    .exec();
}

export async function onlineUsers() {
  const tokenKeys = await redis.keys(`${TOKEN_KEY}:*`);
  const list = await Promise.all(tokenKeys.map((key) => redis.get(ONLINE_KEY + key.replace(TOKEN_KEY, ''))));
  return list.filter(Boolean).map((x) => JSON.parse(x!));
}
