import Redis from 'ioredis';
export default class RedisInstance extends Redis {
  constructor(name: string) { super(process.env.REDIS_URL!, { connectionName: name }); }
}
