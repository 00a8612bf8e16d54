// One-letter key namespaces (`u:` users, `l:` links) built by an object of arrow functions, and
// removal helpers that delete every key a record is cached under.
const Redis = require("ioredis");

const client = new Redis(process.env.REDIS_URL);

const key = {
  link: (address, domainId) => `l:${address}:${domainId || ""}`,
  user: (idOrKey) => `u:${idOrKey}`,
};

const remove = {
  link: (link) => {
    if (!link) return;
    return client.del(key.link(link.address, link.domain_id));
  },
  user: (user) => {
    if (!user) return;
    return Promise.all([client.del(key.user(user.id)), client.del(key.user(user.apikey))]);
  },
};

module.exports = { client, key, remove };
