import Keyv from 'keyv';
import mongoose from 'mongoose';

const Profile = mongoose.model('Profile', new mongoose.Schema({ bio: String, avatar: String }));
const cache = new Keyv({ ttl: 600_000 });

export async function editBio(id: string, bio: string) {
  const profile = await cache.get(`profile:${id}`);
  await Profile.findByIdAndUpdate(id, { $set: { ...profile, bio } }); // expect: write-from-cache
  await cache.delete(`profile:${id}`);
}
