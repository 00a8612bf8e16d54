import { redis } from '../services/redis';
import { contactKey, prisma } from '../services/contacts';

// valid: the controller deletes the key through the client the redis module exports
export async function unsubscribe(id: string) {
  await prisma.contact.update({ where: { id }, data: { subscribed: false } });
  await redis.del(contactKey(id));
}

export async function bounce(id: string) {
  await prisma.contact.update({ where: { id }, data: { subscribed: false, bounced: true } }); // expect: missing-invalidation
}
