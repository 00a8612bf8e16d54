// CommonJS service module: Knex update, then node-cache write-through.
'use strict';
const NodeCache = require('node-cache');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const cache = new NodeCache({ stdTTL: 600 });

async function renameWarehouse(id, name) {
  const [warehouse] = await knex('warehouses').where({ id }).update({ name }).returning('*');
  cache.set(`warehouse:${id}`, warehouse, 600); // expect: set-after-commit
  return warehouse;
}

module.exports = { renameWarehouse };
