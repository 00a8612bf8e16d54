const { connectRedis } = require('./connect');

/** @type {import('ioredis').Redis} */
let redis;

async function start() {
  redis = await connectRedis(process.env.REDIS_URL);
}

/**
 * A user row, read through the cache.
 * @param {import('@prisma/client').PrismaClient} prisma
 * @param {string} id
 */
async function getUser(prisma, id) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(user)); // expect: missing-ttl
  return user;
}

/**
 * @param {import('ioredis').Redis} store the store a caller hands in
 * @param {import('@prisma/client').PrismaClient} prisma
 */
async function getTeam(store, prisma, id) {
  const hit = await store.get(`team:${id}`);
  if (hit) return JSON.parse(hit);
  const team = await prisma.team.findUnique({ where: { id } });
  await store.set(`team:${id}`, JSON.stringify(team)); // expect: missing-ttl
  return team;
}

// a cooldown marker: how long a member waits before opening another ticket, no copy of anything
async function startCooldown(prisma, categoryId, memberId) {
  const category = await prisma.category.findUnique({ where: { id: categoryId } });
  await redis.set(`cooldowns/category-member:${categoryId}-${memberId}`, String(category.cooldownEndsAt));
}

module.exports = { start, getUser, getTeam, startCooldown };
