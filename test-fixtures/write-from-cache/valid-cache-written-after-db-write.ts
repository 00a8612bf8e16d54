// valid: the write comes from the request; the cache is refreshed from the returned row afterwards
import Keyv from 'keyv';
import mongoose from 'mongoose';

const Profile = mongoose.model('Profile', new mongoose.Schema({ bio: String }));
const cache = new Keyv({ ttl: 600_000 });

export async function editBio(id: string, bio: string) {
  const doc = await Profile.findByIdAndUpdate(id, { bio }, { new: true }).lean();
  await cache.delete(`profile:${id}`);
  return doc;
}
