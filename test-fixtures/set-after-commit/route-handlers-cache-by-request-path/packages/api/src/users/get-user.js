import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// GET /user/{userId}: a response cache keyed by the request's path
export default async (context, req, h) => {
  const saved = await cache.restore(req.path)
  if (saved) return h.response(JSON.parse(saved)).code(200)
  const user = await models.users.findByPk(context.request.params.userId)
  if (!user) return h.response().code(404)
  await cache.save(req.path, user.dataValues)
  return h.response(user.dataValues).code(200)
}
