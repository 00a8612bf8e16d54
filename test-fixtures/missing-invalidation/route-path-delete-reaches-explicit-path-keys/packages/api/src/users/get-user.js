import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// GET /user/{userId}: cached under the route's path, spelled out
export default async (context, req, h) => {
  const { userId } = context.request.params
  const saved = await cache.restore(`/user/${userId}`)
  if (saved) return h.response(JSON.parse(saved)).code(200)
  const user = await models.users.findByPk(userId)
  if (!user) return h.response().code(404)
  await cache.save(`/user/${userId}`, user.dataValues)
  return h.response(user.dataValues).code(200)
}
