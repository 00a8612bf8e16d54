import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// PUT /site/{siteId}: the path's entry goes first, so a GET racing the update caches the old row again
export default async (context, req, h) => {
  const { siteId } = context.request.params
  await cache.delete(req.path) // expect: invalidate-before-commit
  const [found, updated] = await models.sites.update({ address: req.payload.address }, { where: { id: siteId }, returning: true })
  if (found !== 1) return h.response().code(404)
  return h.response(updated[0].dataValues).code(200)
}
