import Redis from 'ioredis';

const redis = new Redis();

interface Chat {
  createThread(topic: string): Promise<{ threadId: string }>;
  post(threadId: string, text: string): Promise<void>;
}

// the miss branch creates the thread and keeps its id: Redis is the only record of which thread
// belongs to the ticket, nothing could reload it, and an expiry would open a second thread
export async function postToTicketThread(chat: Chat, ticketId: string, text: string): Promise<void> {
  const key = `ticket-thread:${ticketId}`;
  let threadId = await redis.get(key);
  if (!threadId) {
    const created = await chat.createThread(`Ticket ${ticketId}`);
    threadId = created.threadId;
    await redis.set(key, threadId);
  }
  await chat.post(threadId, text);
}
