import { getOrder, prisma } from '../../../lib';

export async function GET(req: Request) {
  return Response.json(await getOrder(new URL(req.url).searchParams.get('id')!));
}

/** Read through a barrel of barrels: the cached order keeps its old status. */
export async function PATCH(req: Request) {
  const { id, status } = await req.json();
  await prisma.order.update({ where: { id }, data: { status } }); // expect: missing-invalidation
  return Response.json({ ok: true });
}
