'use strict';
const Controller = require('egg').Controller;

class SiteController extends Controller {
  async index() {
    const { ctx, service } = this;
    let tops = await service.cache.get('tops:score');
    if (!tops) {
      tops = await ctx.model.User.find({ is_block: false }).sort({ score: -1 }).limit(10);
      await service.cache.setex('tops:score', tops, 60);
    }
    let tags = await this.service.cache.get('tags:hot');
    if (!tags) {
      tags = await ctx.model.Tag.find({}).limit(20);
      await this.service.cache.setex('tags:hot', tags); // expect: missing-ttl
    }
    ctx.body = { tops, tags };
  }
}

module.exports = SiteController;
