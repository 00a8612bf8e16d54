// valid: Kysely updateTable().set() and Mongoose document.set() change rows and documents, not a cache
import { Kysely } from 'kysely';
import mongoose from 'mongoose';

interface DB {
  users: { id: string; email: string; verified: boolean };
}

const User = mongoose.model('User', new mongoose.Schema({ email: String, displayName: String }));

export async function verifyEmail(db: Kysely<DB>, id: string) {
  await db.updateTable('users').set({ verified: true }).where('id', '=', id).executeTakeFirst();
}

export async function rename(id: string, displayName: string) {
  const user = await User.findById(id);
  if (!user) return null;
  user.set('displayName', displayName);
  user.set({ email: user.email?.toLowerCase() });
  return user.save();
}
