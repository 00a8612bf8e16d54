// Two keys nothing in the project reads. The confirmation event shares only a word with the
// written table (copilot_tool_calls): no copy of its row. The tool call's own key names it, and
// its set after the update is a write-through, whoever reads it.
// complete() changes the status that completeAndCache keeps in copilot_tool_call:{}, but no code reads that key.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function complete(id: string, status: string) {
  const row = await prisma.copilotToolCall.update({ where: { id }, data: { status } });
  await redis.set(`copilot:confirmation:${id}`, JSON.stringify({ id, status }), 'EX', 600);
  return row;
}

export async function completeAndCache(id: string, status: string) {
  const row = await prisma.copilotToolCall.update({ where: { id }, data: { status } });
  await redis.set(`copilot_tool_call:${id}`, JSON.stringify(row), 'EX', 600); // expect: set-after-commit
  return row;
}
