import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// PUT /site/{siteId}: the path's entry is deleted after the update, and the next GET refills it
export default async (context, req, h) => {
  const { siteId } = context.request.params
  const [found, updated] = await models.sites.update({ address: req.payload.address }, { where: { id: siteId }, returning: true })
  if (found !== 1) return h.response().code(404)
  await cache.delete(req.path)
  return h.response(updated[0].dataValues).code(200)
}
