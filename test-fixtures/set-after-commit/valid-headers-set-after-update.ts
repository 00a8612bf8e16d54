// valid: `Headers.set` builds an HTTP response, it is not a cache write
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function PATCH(request: Request, { params }: { params: { id: string } }) {
  const body = (await request.json()) as { title: string };
  const note = await prisma.note.update({ where: { id: params.id }, data: { title: body.title } });
  const headers = new Headers({ 'content-type': 'application/json' });
  headers.set('cache-control', 'no-store');
  headers.set('etag', `"note:${note.id}:${note.updatedAt.getTime()}"`);
  return new Response(JSON.stringify(note), { status: 200, headers });
}
