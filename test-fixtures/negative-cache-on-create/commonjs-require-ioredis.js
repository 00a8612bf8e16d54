'use strict';
const Redis = require('ioredis');
const { Pool } = require('pg');

const redis = new Redis(process.env.REDIS_URL);
const pool = new Pool();

async function findStore(storeId) {
  const cached = await redis.get(`store:${storeId}`);
  if (cached === 'nil') return null;
  if (cached) return JSON.parse(cached);
  const { rows } = await pool.query('SELECT * FROM stores WHERE id = $1', [storeId]);
  await redis.set(`store:${storeId}`, rows.length ? JSON.stringify(rows[0]) : 'nil', 'EX', 60);
  return rows[0] || null;
}

async function openStore(storeId, name) {
  await pool.query('INSERT INTO stores (id, name) VALUES ($1, $2)', [storeId, name]); // expect: negative-cache-on-create
  return { id: storeId, name };
}

module.exports = { findStore, openStore };
