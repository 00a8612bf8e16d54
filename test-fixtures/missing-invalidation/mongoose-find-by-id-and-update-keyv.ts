import Keyv from 'keyv';
import mongoose from 'mongoose';

const Profile = mongoose.model('Profile', new mongoose.Schema({ bio: String }));
const cache = new Keyv({ ttl: 600_000 });

export async function profile(id: string) {
  const hit = await cache.get(`profile:${id}`);
  if (hit) return hit;
  const doc = await Profile.findById(id).lean();
  await cache.set(`profile:${id}`, doc);
  return doc;
}

export async function editBio(id: string, bio: string) {
  await Profile.findByIdAndUpdate(id, { bio }); // expect: missing-invalidation
}
