import Redis from 'ioredis';
import { Queue } from 'bullmq';

export const redis = new Redis();
const queue = new Queue('collection-refresh');

export class CollectionRefreshJob {
  /** Marks the collection as due for a refresh (a flag the job checks), then queues the job. */
  public async addToQueue(collection: string) {
    await redis.set(`collection-with-bids:${collection}`, '1', 'EX', 24 * 3600);
    await queue.add('refresh', { collection });
  }
}

export const collectionRefreshJob = new CollectionRefreshJob();
