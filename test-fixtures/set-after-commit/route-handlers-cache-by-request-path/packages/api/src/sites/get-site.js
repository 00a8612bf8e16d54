import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

export default async (context, req, h) => {
  const saved = await cache.restore(req.path)
  if (saved) return h.response(JSON.parse(saved)).code(200)
  const site = await models.sites.findByPk(context.request.params.siteId)
  if (!site) return h.response().code(404)
  await cache.save(req.path, site.dataValues)
  return h.response(site.dataValues).code(200)
}
