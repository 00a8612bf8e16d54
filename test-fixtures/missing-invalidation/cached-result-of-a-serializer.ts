// The context cache stores what serializeCtx returns: the user's id, language and liked ids,
// whatever the context it is given was computed from. A write of the push token leaves it right;
// a write of the language does not.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

interface Ctx { userId: string; language: string; likedIds: Set<string> }

function serializeCtx(ctx: Ctx | null) {
  if (!ctx) return null;
  return { userId: ctx.userId, language: ctx.language, likedIds: [...ctx.likedIds] };
}

async function computeCtx(userId: string): Promise<Ctx> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { likes: true } });
  const ctx: Ctx = { userId, language: user.language, likedIds: new Set() };
  for (const like of user.likes) ctx.likedIds.add(like.articleId);
  return ctx;
}

export async function userCtx(userId: string): Promise<Ctx> {
  const cached = await redis.get(`user_ctx_v1_${userId}`);
  if (cached) return JSON.parse(cached);
  const ctx = await computeCtx(userId);
  await redis.set(`user_ctx_v1_${userId}`, JSON.stringify(serializeCtx(ctx)), 'EX', 300);
  return ctx;
}

export async function savePushToken(userId: string, pushToken: string) {
  await prisma.user.update({ where: { id: userId }, data: { pushToken } });
}

export async function setLanguage(userId: string, language: string) {
  await prisma.user.update({ where: { id: userId }, data: { language } }); // expect: missing-invalidation
}
