import { prisma } from '../../../lib/db';
import * as cache from '../../../lib/cache';

export async function GET(req: Request) {
  return Response.json(await cache.getProduct(new URL(req.url).searchParams.get('id')!));
}

/** Read through the barrel's namespace: the cached product keeps its old price. */
export async function PATCH(req: Request) {
  const { id, price } = await req.json();
  await prisma.product.update({ where: { id }, data: { price } }); // expect: missing-invalidation
  return Response.json({ ok: true });
}
