// The one Redis connection of the process, shared by the AppCache wrapper and the services that
// talk to Redis directly. A command gives up after two reconnect attempts instead of hanging a request.
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

const logger = new Logger('Redis');

export const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 });

redis.on('error', (err: Error) => logger.error(`redis connection error: ${err.message}`));
