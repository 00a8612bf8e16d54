'use server';
import { redirect } from 'next/navigation';
import { kv, prisma } from './lib';

export async function createEvent(formData: FormData) {
  const slug = String(formData.get('slug'));
  const event = await prisma.event.create({ data: { slug, title: String(formData.get('title')) } }); // expect: negative-cache-on-create
  redirect(`/events/${event.slug}`);
}

export async function EventForm() {
  return (
    <form action={createEvent}>
      <input name="slug" />
      <input name="title" />
      <button type="submit">Create</button>
    </form>
  );
}
