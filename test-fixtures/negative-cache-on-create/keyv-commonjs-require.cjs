// CommonJS: `require('keyv')` binds the Keyv class itself (module.exports = Keyv).
const Keyv = require('keyv');
const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });

const keyv = new Keyv(process.env.REDIS_URL, { ttl: 60000 });

async function courseByCode(code) {
  const cached = await keyv.get(`course:${code}`);
  if (cached === 'null') return null;
  if (cached) return cached;
  const course = await knex('courses').where({ code }).first();
  await keyv.set(`course:${code}`, course || 'null');
  return course || null;
}

async function createCourse(code, title) {
  await knex('courses').insert({ code, title }); // expect: negative-cache-on-create
}

module.exports = { courseByCode, createCourse };
