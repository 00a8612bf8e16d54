'use strict';
const Redis = require('ioredis');
const { Pool } = require('pg');

const redis = new Redis(process.env.REDIS_URL);
const pool = new Pool();

async function getMenu(restaurantId) {
  const cached = await redis.get(`menu:${restaurantId}:v4`);
  if (cached) return JSON.parse(cached);
  const { rows } = await pool.query('SELECT * FROM menu_items WHERE restaurant_id = $1', [restaurantId]);
  await redis.set(`menu:${restaurantId}:v4`, JSON.stringify(rows), 'EX', 600);
  return rows;
}

async function setItemPrice(restaurantId, itemId, price) {
  await pool.query('UPDATE menu_items SET price = $1 WHERE id = $2', [price, itemId]);
  await redis.del(`menu:${restaurantId}:v4`); // expect: key-drift
}

module.exports = { getMenu, setItemPrice };
