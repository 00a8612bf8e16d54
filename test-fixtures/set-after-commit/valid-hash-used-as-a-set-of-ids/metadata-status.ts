import Redis from 'ioredis';

export const redis = new Redis();

/** The collections whose metadata is disabled: a hash used as a set (each id maps to itself). */
export class MetadataStatus {
  public static async disable(ids: string[]) {
    if (ids.length) await redis.hset('metadata-disabled-collection', ids, ids);
  }

  public static async enable(ids: string[]) {
    if (ids.length) await redis.hdel('metadata-disabled-collection', ...ids);
  }

  public static async isDisabled(id: string) {
    return (await redis.hget('metadata-disabled-collection', id)) !== null;
  }
}
