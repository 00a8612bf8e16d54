import { models } from '@acme/database'
import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// PUT /user/{userId}: the new row is written back under the same path after the update
export default async (context, req, h) => {
  const { userId } = context.request.params
  const [found, updated] = await models.users.update({ name: req.payload.name }, { where: { id: userId }, returning: true })
  if (found !== 1) return h.response().code(404)
  const body = updated[0].dataValues
  await cache.save(req.path, body) // expect: set-after-commit
  return h.response(body).code(200)
}
