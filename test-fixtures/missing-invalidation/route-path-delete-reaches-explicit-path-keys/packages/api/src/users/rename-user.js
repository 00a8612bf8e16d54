import { models } from '@acme/database'

// POST /user/{userId}/rename: the cached GET /user/{userId} keeps the old name
export default async (context, req, h) => {
  const { userId } = context.request.params
  await models.users.update({ name: req.payload.name }, { where: { id: userId } }) // expect: missing-invalidation
  return h.response().code(204)
}
