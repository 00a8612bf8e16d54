import Redis from 'ioredis';
import mongoose from 'mongoose';

const redis = new Redis(process.env.REDIS_URL!);
const Organizations = mongoose.model('Organization', new mongoose.Schema({ subdomain: String, name: String }));

// the list of every organisation, kept with no expiry: a missed clear is stale forever
export async function allOrganizations() {
  const raw = await redis.get('all_organizations');
  let orgs = raw ? JSON.parse(raw) : [];
  if (orgs.length === 0) {
    orgs = await Organizations.find({}).lean();
    await redis.set('all_organizations', JSON.stringify(orgs)); // expect: missing-ttl
  }
  return orgs;
}

// look-alike: emptying the key is how this codebase clears it (the reader takes '' for a miss)
export const clearOrganizations = () => redis.set('all_organizations', '');

// a not-found marker written where the key was just read and missed stays a finding
export async function organizationBySubdomain(subdomain: string) {
  const raw = await redis.get(`org_by_subdomain:${subdomain}`);
  if (raw !== null) return raw === '' ? null : JSON.parse(raw);
  const org = await Organizations.findOne({ subdomain }).lean();
  if (!org) {
    await redis.set(`org_by_subdomain:${subdomain}`, ''); // expect: missing-ttl
    return null;
  }
  await redis.set(`org_by_subdomain:${subdomain}`, JSON.stringify(org), 'EX', 600);
  return org;
}
