import IORedis from 'ioredis';

const client = new IORedis(process.env.REDIS_URL!);

export default client;
