// Route handler: Drizzle update, then the helper writes the row through (a multi-line import list).
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/neon-http';
import {
  readCached,
  writeCached,
} from './lib/cache';
import { profiles } from './db/schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function GET(_req: Request, { params }: { params: { handle: string } }) {
  const cached = await readCached(`profile:${params.handle}`);
  if (cached) return Response.json(cached);
  const [profile] = await db.select().from(profiles).where(eq(profiles.handle, params.handle));
  if (profile) await writeCached(`profile:${params.handle}`, profile);
  return Response.json(profile ?? null, { status: profile ? 200 : 404 });
}

export async function PATCH(req: Request, { params }: { params: { handle: string } }) {
  const { displayName } = (await req.json()) as { displayName: string };
  const [profile] = await db.update(profiles).set({ displayName }).where(eq(profiles.handle, params.handle)).returning();
  await writeCached(`profile:${params.handle}`, profile, 300); // expect: set-after-commit
  return Response.json(profile);
}
