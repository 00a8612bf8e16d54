// valid: CommonJS module whose read, write and delete all use `rate-limit:plan:<id>`
'use strict';
const { createClient } = require('redis');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const redis = createClient();
const planKey = (planId) => 'rate-limit:plan:' + planId;

async function limitsFor(planId) {
  const raw = await redis.get(planKey(planId));
  if (raw) return JSON.parse(raw);
  const row = await knex('plans').where({ id: planId }).first('rpm', 'burst');
  await redis.set(planKey(planId), JSON.stringify(row), { EX: 300 });
  return row;
}

async function changeLimits(planId, rpm, burst) {
  await knex('plans').where({ id: planId }).update({ rpm, burst });
  await redis.del(`rate-limit:plan:${planId}`);
}

module.exports = { limitsFor, changeLimits };
