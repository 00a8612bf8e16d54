// CommonJS service: a pg update, then the row goes through the cache helper.
'use strict';
const { Pool } = require('pg');
const { cachePut, cacheEvict } = require('./cache');

const pool = new Pool();

async function renameOrg(orgId, name) {
  const { rows } = await pool.query('UPDATE organizations SET name = $1 WHERE id = $2 RETURNING *', [name, orgId]);
  await cacheEvict(`organization:${orgId}`); // expect: set-after-commit
  return rows[0];
}

module.exports = { renameOrg };
