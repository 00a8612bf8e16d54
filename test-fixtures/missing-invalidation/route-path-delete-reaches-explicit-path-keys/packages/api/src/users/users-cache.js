import { REDIS } from '@acme/connectors'
const { cache } = REDIS

// the entries an admin change of a user makes stale, spelled as the routes that cache them
export const clearUserCaches = async (userId) => {
  await cache.delete(`/user/${userId}`)
  await cache.delete('/users')
}
