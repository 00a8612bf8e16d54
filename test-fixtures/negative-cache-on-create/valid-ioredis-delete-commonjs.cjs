// valid: CommonJS module; the insert deletes the entry the lookup caches its miss under
const Redis = require('ioredis');
const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });

const redis = new Redis(process.env.REDIS_URL);

async function courseByCode(code) {
  const cached = await redis.get(`course:${code}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const course = await knex('courses').where({ code }).first();
  await redis.set(`course:${code}`, course ? JSON.stringify(course) : 'null', 'EX', 60);
  return course || null;
}

async function createCourse(code, title) {
  await knex('courses').insert({ code, title });
  await redis.del(`course:${code}`);
}

module.exports = { courseByCode, createCourse };
