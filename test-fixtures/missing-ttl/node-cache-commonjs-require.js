'use strict';
const NodeCache = require('node-cache');
const { Pool } = require('pg');

const pool = new Pool();
const settingsCache = new NodeCache({ checkperiod: 120 });

async function getTenantSettings(tenantId) {
  const key = `tenant:settings:${tenantId}`;
  const hit = settingsCache.get(key);
  if (hit !== undefined) return hit;
  const { rows } = await pool.query('SELECT settings FROM tenants WHERE id = $1', [tenantId]);
  const settings = rows[0] ? rows[0].settings : {};
  settingsCache.set(key, settings); // expect: missing-ttl
  return settings;
}

module.exports = { getTenantSettings };
