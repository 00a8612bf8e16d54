const redis = require("./redis");
const knex = require("./knex");
const users = require("./queries/user.queries");

async function generateApiKey(req, res) {
  const apikey = Math.random().toString(36).slice(2);
  redis.remove.user(req.user); // expect: invalidate-before-commit
  await knex("users").where({ id: req.user.id }).update({ apikey });
  res.status(201).send({ apikey });
}

// look-alike: the old key's entries go after the write commits
async function revokeApiKey(req, res) {
  await knex("users").where({ id: req.user.id }).update({ apikey: null });
  await redis.remove.user(req.user);
  res.status(204).end();
}

// look-alike: the early delete is the first half of a double delete — update() deletes again
// after its transaction
async function rotateApiKey(req, res) {
  const apikey = Math.random().toString(36).slice(2);
  redis.remove.user(req.user);
  await users.update(req.user, { apikey });
  res.status(201).send({ apikey });
}

module.exports = { generateApiKey, revokeApiKey, rotateApiKey };
