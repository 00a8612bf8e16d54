'use strict';
// valid: this class holds a `service` of its own (a reporting client), not egg's service registry
const { ReportClient } = require('../lib/report-client');

class ReportController {
  constructor(ctx) {
    this.ctx = ctx;
    this.service = new ReportClient();
  }

  async weekly() {
    let rows = await this.service.cache.get('report:weekly');
    if (!rows) {
      rows = await this.ctx.model.Report.find({});
      await this.service.cache.setex('report:weekly', rows);
    }
    return rows;
  }
}

module.exports = ReportController;
