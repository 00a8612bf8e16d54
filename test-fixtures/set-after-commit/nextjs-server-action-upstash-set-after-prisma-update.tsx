// Next.js App Router page with an inline server action: Prisma update, then Upstash write-through.
import { Redis } from '@upstash/redis';
import { revalidatePath } from 'next/cache';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const redis = Redis.fromEnv();

export default async function EditPostPage({ params }: { params: { id: string } }) {
  const post = await prisma.post.findUniqueOrThrow({ where: { id: params.id } });

  async function save(formData: FormData) {
    'use server';
    const updated = await prisma.post.update({ where: { id: params.id }, data: { title: String(formData.get('title')) } });
    await redis.set(`post:${params.id}`, updated, { ex: 300 }); // expect: set-after-commit
    revalidatePath(`/posts/${params.id}`);
  }

  return (
    <form action={save}>
      <input name="title" defaultValue={post.title} />
      <button type="submit">Save</button>
    </form>
  );
}
