import { notFound } from 'next/navigation';
import { kv, prisma } from './lib';

async function loadEvent(slug: string) {
  const cached = await kv.get<string>(`event:${slug}`);
  if (cached === '__none__') return null;
  if (cached) return JSON.parse(cached) as { slug: string; title: string };
  const event = await prisma.event.findUnique({ where: { slug } });
  await kv.set(`event:${slug}`, event ? JSON.stringify(event) : '__none__', { ex: event ? 300 : 60 });
  return event;
}

export default async function EventPage({ params }: { params: { slug: string } }) {
  const event = await loadEvent(params.slug);
  if (!event) notFound();
  return (
    <main>
      <h1>{event.title}</h1>
    </main>
  );
}
