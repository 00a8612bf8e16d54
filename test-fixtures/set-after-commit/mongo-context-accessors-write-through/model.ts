import { MongoContext } from './context';

// the model layer: writes through the context's collection accessor
export async function updateUserUsername(mongo: MongoContext, tenantID: string, id: string, username: string) {
  const result = await mongo.users().findOneAndUpdate({ tenantID, id }, { $set: { username } }, { returnDocument: 'after' });
  if (!result) throw new Error('no such user');
  return result;
}
