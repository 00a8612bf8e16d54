// valid: NodeCache({ stdTTL }) expires every entry; a per-call ttl argument does too
import NodeCache from 'node-cache';

const geo = new NodeCache({ stdTTL: 60, checkperiod: 30 });
const misc = new NodeCache();

export function rememberGeo(ip: string, country: string) {
  geo.set(`geo:${ip}`, country);
}

export function rememberBanner(slot: string, html: string) {
  misc.set(`banner:${slot}`, html, 120);
}
