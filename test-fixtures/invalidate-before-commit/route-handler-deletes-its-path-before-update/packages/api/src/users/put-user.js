import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// PUT /user/{userId}: the path's entry goes once the update is done
export default async (context, req, h) => {
  const { userId } = context.request.params
  const [found, updated] = await models.users.update({ name: req.payload.name }, { where: { id: userId }, returning: true })
  if (found !== 1) return h.response().code(404)
  await cache.delete(req.path)
  return h.response(updated[0].dataValues).code(200)
}
