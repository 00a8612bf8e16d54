import { redis } from './documents';
import { Document } from './document.model';
import { keys } from './keys';

export async function share(tenantId: string, docId: string, userIds: string[]) {
  await Document.findOneAndUpdate({ _id: docId, tenantId }, { $addToSet: { sharedWith: { $each: userIds } } });
  await redis.del(`tenant:${tenantId}:doc:${docId}`); // expect: key-drift
}

export async function unshareAll(tenantId: string, docId: string) {
  await Document.updateOne({ _id: docId, tenantId }, { $set: { sharedWith: [] } });
  await redis.del(keys.document(docId, tenantId));
}
