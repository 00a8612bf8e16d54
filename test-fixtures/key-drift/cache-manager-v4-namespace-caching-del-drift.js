'use strict';
// cache-manager v4, as its README shows it: the factory called on the module object
const cacheManager = require('cache-manager');
const { Model } = require('objection');

class Airport extends Model {
  static get tableName() {
    return 'airports';
  }
}

const memoryCache = cacheManager.caching({ store: 'memory', max: 500, ttl: 600 });

async function airport(iata) {
  const hit = await memoryCache.get(`airport:${iata}`);
  if (hit) return hit;
  const row = await Airport.query().findOne({ iata });
  await memoryCache.set(`airport:${iata}`, row, { ttl: 600 });
  return row;
}

async function renameAirport(iata, name) {
  await Airport.query().patch({ name }).where({ iata });
  await memoryCache.del(`airports:${iata}`); // expect: key-drift
}

module.exports = { airport, renameAirport };
