const Keyv = require('keyv');
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

module.exports = class TicketsClient {
  constructor(options) {
    this.options = options;
    this.init();
  }

  // the store is made here, not in the constructor
  init() {
    if (this.options.redisHost) this.keyv = new Keyv(`redis://${this.options.redisHost}:6379`);
    else this.keyv = new Keyv();
  }

  async getCategory(id) {
    const hit = await this.keyv.get(`category:${id}`);
    if (hit) return hit;
    const category = await prisma.category.findUnique({ where: { id } });
    await this.keyv.set(`category:${id}`, category); // expect: missing-ttl
    return category;
  }

  async getTicket(id) {
    const hit = await this.keyv.get(`ticket:${id}`);
    if (hit) return hit;
    const ticket = await prisma.ticket.findUnique({ where: { id } });
    await this.keyv.set(`ticket:${id}`, ticket, 3 * 60 * 1000);
    return ticket;
  }
};
