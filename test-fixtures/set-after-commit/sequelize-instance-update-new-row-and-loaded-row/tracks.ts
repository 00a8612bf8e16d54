// An update of the row this function has just created is part of creating it: no reader holds an
// older version; an update of a loaded row followed by a set is the write-through race.
import Redis from 'ioredis';
import { Track } from './models';

const redis = new Redis();

export async function createTrack(dto: { title: string; albumId?: string }) {
  const track = await Track.create(dto);
  await track.update({ albumId: dto.albumId ?? null });
  await redis.set(`track/${track.id}`, JSON.stringify(track), 'EX', 3600);
  return track;
}

export async function moveTrack(id: string, albumId: string) {
  const track = await Track.findByPk(id);
  if (!track) return null;
  await track.update({ albumId });
  await redis.set(`track/${track.id}`, JSON.stringify(track), 'EX', 3600); // expect: set-after-commit
  return track;
}

export async function readTrack(id: string) {
  const hit = await redis.get(`track/${id}`);
  if (hit) return JSON.parse(hit);
  const track = await Track.findByPk(id);
  await redis.set(`track/${id}`, JSON.stringify(track), 'EX', 3600);
  return track;
}
