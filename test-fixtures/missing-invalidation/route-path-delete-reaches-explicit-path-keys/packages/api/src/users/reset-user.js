import { models } from '@acme/database'
import { clearUserCaches } from './users-cache.js'

// POST /admin/reset/{userId}
export default async (context, req, h) => {
  const { userId } = context.request.params
  await models.users.update({ name: null }, { where: { id: userId } })
  await clearUserCaches(userId)
  return h.response().code(204)
}
