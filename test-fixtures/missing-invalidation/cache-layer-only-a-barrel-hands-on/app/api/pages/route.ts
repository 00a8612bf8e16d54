import { prisma } from '../../../lib/db';
import { getPage } from '../../../lib/cache';

export async function GET(req: Request) {
  return Response.json(await getPage(new URL(req.url).searchParams.get('id')!));
}

/** The page the GET handler caches keeps its old title for ten minutes. */
export async function PATCH(req: Request) {
  const { id, title } = await req.json();
  await prisma.page.update({ where: { id }, data: { title } }); // expect: missing-invalidation
  return Response.json({ ok: true });
}
