export { REDIS } from './redis.js'
