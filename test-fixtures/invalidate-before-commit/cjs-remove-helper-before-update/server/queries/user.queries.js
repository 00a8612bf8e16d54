const redis = require("../redis");
const knex = require("../knex");

// the API authenticates by key: the user is cached under its id and under its API key
async function findByApikey(apikey) {
  const cached = await redis.client.get(redis.key.user(apikey));
  if (cached) return JSON.parse(cached);
  const user = await knex("users").where({ apikey }).first();
  if (user) await redis.client.set(redis.key.user(apikey), JSON.stringify(user), "EX", 60 * 15);
  return user;
}

// writes in a transaction, then deletes the keys of the row as it was and as it is
async function update(user, data) {
  const updated = await knex.transaction(async (trx) => {
    await trx("users").where({ id: user.id }).update(data);
    return trx("users").where({ id: user.id }).first();
  });
  redis.remove.user(user);
  redis.remove.user(updated);
  return updated;
}

module.exports = { findByApikey, update };
