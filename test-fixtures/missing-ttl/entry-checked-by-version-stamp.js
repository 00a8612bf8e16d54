// The campaign CSV is served from memory only while the stamp it was built under is the campaign's
// own: every donation bumps `updatedAt`, which retires the entry by itself, so no TTL is needed.
// The report cache serves whatever it holds (checking a field that is no version): it needs one.
const MemoryCache = require('memory-cache');

module.exports = (app, buildCsv, buildReport) => {
  app.get('/campaigns/:id/csv', async (req, res) => {
    const { campaign } = res.locals;
    const id = campaign._id.toString();
    const value = MemoryCache.get(id);
    if (value && value.updatedAt.getTime() === campaign.updatedAt.getTime()) return res.send(value.body);
    const body = await buildCsv(campaign);
    MemoryCache.put(id, { updatedAt: campaign.updatedAt, body });
    return res.send(body);
  });

  app.get('/campaigns/:id/report', async (req, res) => {
    const { campaign } = res.locals;
    const key = `report:${campaign._id}`;
    const value = MemoryCache.get(key);
    if (value && value.format === req.query.format) return res.send(value.body);
    const body = await buildReport(campaign);
    MemoryCache.put(key, { format: req.query.format, body }); // expect: missing-ttl
    return res.send(body);
  });
};
