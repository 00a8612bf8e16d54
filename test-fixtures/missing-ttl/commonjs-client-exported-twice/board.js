const redis = require('./redis');
const { Board } = require('./models');

async function board(id) {
  const hit = await redis.get('board:' + id);
  if (hit) return JSON.parse(hit);
  const row = await Board.findByPk(id);
  await redis.set('board:' + id, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

async function boardWithTtl(id) {
  const hit = await redis.get('board_summary:' + id);
  if (hit) return JSON.parse(hit);
  const row = await Board.findByPk(id, { attributes: ['id', 'name'] });
  await redis.set('board_summary:' + id, JSON.stringify(row), 'EX', 300);
  return row;
}

module.exports = { board, boardWithTtl };
