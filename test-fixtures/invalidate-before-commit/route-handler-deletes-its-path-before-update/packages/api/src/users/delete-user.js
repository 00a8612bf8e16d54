import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// DELETE /user/{userId}: the route's entry, spelled out, goes before the row does
export default async (context, req, h) => {
  const { userId } = context.request.params
  await cache.delete(`/user/${userId}`) // expect: invalidate-before-commit
  const count = await models.users.destroy({ where: { id: userId } })
  if (count !== 1) return h.response().code(404)
  return h.response().code(204)
}
