import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// DELETE /user/{userId}: the path's entry is dropped after the row is gone
export default async (context, req, h) => {
  const count = await models.users.destroy({ where: { id: context.request.params.userId } })
  if (count !== 1) return h.response().code(404)
  await cache.delete(req.path)
  return h.response().code(204)
}
