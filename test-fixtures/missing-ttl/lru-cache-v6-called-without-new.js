// lru-cache 6 and older build a cache without `new`. The token cache has neither maxAge nor a
// per-entry one; the session cache expires its entries after ten minutes.
const LRU = require('lru-cache');

const tokens = LRU({ max: 500 });
const sessions = LRU({ max: 500, maxAge: 10 * 60 * 1000 });

async function token(id) {
  const hit = tokens.get('token:' + id);
  if (hit) return hit;
  const row = await Token.findById(id);
  tokens.set('token:' + id, row); // expect: missing-ttl
  return row;
}

async function session(id) {
  const hit = sessions.get('session:' + id);
  if (hit) return hit;
  const row = await Session.findById(id);
  sessions.set('session:' + id, row);
  return row;
}

module.exports = { token, session };
