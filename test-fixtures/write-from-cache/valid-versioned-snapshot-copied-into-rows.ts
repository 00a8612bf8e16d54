// valid: canvas states are cached per version (`canvas-state:{id}:{version}`); a version's content
// never changes, so a row built from it copies that version as it is, and an update of the canvas
// row (which moves it to a new version) leaves no cached copy stale
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
declare const storage: { read(key: string): Promise<string> };

async function getState(canvasId: string, version: string) {
  const cached = await redis.get(`canvas-state:${canvasId}:${version}`);
  if (cached) return JSON.parse(cached);
  const canvas = await prisma.canvas.findUniqueOrThrow({ where: { id: canvasId } });
  const text = await storage.read(`states/${canvasId}/${version ?? canvas.version}`);
  await redis.setex(`canvas-state:${canvasId}:${version}`, 600, text);
  return JSON.parse(text);
}

export async function publish(canvasId: string, version: string) {
  const state = await getState(canvasId, version);
  await prisma.canvasRelease.create({ data: { canvasId, version, title: state.title, nodes: state.nodes } });
}

export async function rename(canvasId: string, title: string) {
  await prisma.canvas.update({ where: { id: canvasId }, data: { title } });
}
