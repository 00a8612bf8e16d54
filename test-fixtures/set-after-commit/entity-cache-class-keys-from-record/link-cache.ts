import { Redis } from '@upstash/redis';

const redis = new Redis({ url: process.env.REDIS_URL!, token: process.env.REDIS_TOKEN! });

const DAY = 60 * 60 * 24;

export interface Link {
  id: string;
  domain: string;
  slug: string;
  url: string;
}

/**
 * The project's own cache of links: callers hand it the record, and it builds the key from the
 * record's fields (through a builder taking a destructured object, lower-cased on one branch).
 */
class Links {
  async set(link: Link) {
    const cacheKey = this.keyFor({ domain: link.domain, slug: link.slug });
    await redis.set(cacheKey, JSON.stringify(link), { ex: DAY });
  }

  async mset(links: Link[]) {
    const pipeline = redis.pipeline();
    links.forEach((link) => {
      pipeline.set(this.keyFor(link), JSON.stringify(link), { ex: DAY });
    });
    await pipeline.exec();
  }

  async get({ domain, slug }: { domain: string; slug: string }) {
    return redis.get<Link>(`linkcache:${domain}:${slug}`);
  }

  async delete({ domain, slug }: { domain: string; slug: string }) {
    return redis.del(this.keyFor({ domain, slug }));
  }

  keyFor({ domain, slug }: { domain: string; slug: string }) {
    const key = `linkcache:${domain}:${slug}`;
    return domain.startsWith('cs.') ? key : key.toLowerCase();
  }
}

export const linkCache = new Links();
