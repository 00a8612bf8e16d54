import { createClient } from 'redis'

const CACHE_EXPIRE_SECONDS = Number(process.env.CACHE_EXPIRE_SECONDS || 3600)
let client

// The project's facade: nothing is reported in here; its callers choose the keys
export const REDIS = {
  connect: async (url) => {
    client = createClient({ url })
    await client.connect()
  },
  cache: {
    save: async (key, body) => {
      await client.set(key, JSON.stringify(body), { EX: CACHE_EXPIRE_SECONDS })
    },
    restore: async (key) => client.get(key),
    delete: async (key) => {
      // the value is dropped: a delete
      await client.GETDEL(key)
    }
  }
}
