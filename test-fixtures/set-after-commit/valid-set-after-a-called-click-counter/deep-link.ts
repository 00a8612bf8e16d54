// valid: after counting the click, the deep-link page's data is kept for an hour under the
// visitor's address. The counter bump in recordClick is no write of the link data set here.
import { Redis } from '@upstash/redis';
import { recordClick } from './record-click';

const redis = Redis.fromEnv();

export async function openDeepLink(ip: string, link: { id: string; domain: string; key: string; url: string }) {
  await recordClick(link.id);
  await redis.set(`deepLinkCache:${ip}:${link.domain}:${link.key}`, { link }, { ex: 60 * 60 });
}

export async function deepLinkOf(ip: string, domain: string, key: string) {
  return redis.get<{ link: { url: string } }>(`deepLinkCache:${ip}:${domain}:${key}`);
}
