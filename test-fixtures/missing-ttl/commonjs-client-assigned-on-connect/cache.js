// CommonJS cache module: the client is created by connect() and used by the exported helpers.
const { createClient } = require('redis');

let client = null;

async function connect(url) {
  client = createClient({ url });
  await client.connect();
}

module.exports = {
  connect,
  get: (k) => client.get(k),
  set: (k, v) => client.set(k, v),
  setFor: (k, v, seconds) => client.set(k, v, { EX: seconds }),
};
