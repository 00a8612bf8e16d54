import type { Request, Response } from 'express';
import { client } from './session-store';
import { sessionKey } from './keys';
import { db } from './db';
import { sessions } from './schema';
import { eq } from 'drizzle-orm';

export async function logout(req: Request, res: Response) {
  const sid = req.cookies.sid as string;
  await db.delete(sessions).where(eq(sessions.id, sid));
  await client.del(sessionKey(sid)); // expect: key-drift
  res.clearCookie('sid').sendStatus(204);
}

/** Sliding expiry: every authenticated request pushes the session's TTL out again. */
export async function touch(req: Request) {
  await client.expire(sessionKey(req.cookies.sid as string), 3600);
}
