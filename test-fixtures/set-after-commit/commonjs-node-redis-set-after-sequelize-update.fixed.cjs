// CommonJS worker: a destructured node-redis require and a Sequelize model from the project.
'use strict';
const { createClient } = require('redis');
const { Shipment } = require('./models');

const redis = createClient({ url: process.env.REDIS_URL });

async function onCarrierWebhook(event) {
  await Shipment.update({ status: event.status, eta: event.eta }, { where: { trackingNumber: event.trackingNumber } });
  const shipment = await Shipment.findOne({ where: { trackingNumber: event.trackingNumber } });
  await redis.del(`shipment:${event.trackingNumber}`); // expect: set-after-commit
  return shipment;
}

module.exports = { onCarrierWebhook };
