// valid: the flag answers "is any room live?" (rooms whose status is Live); a new room starts as
// Created, which that lookup does not find, so its cached "no" stays true
import Redis from 'ioredis';
import { DataSource, Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
import { Router } from 'express';

enum RoomStatus { Created = 'created', Live = 'live', Ended = 'ended' }

@Entity()
class LiveRoom {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() status: RoomStatus;
  @Column() hostId: string;
}

const redis = new Redis();
declare const con: DataSource;
export const router = Router();

async function hasLiveRooms(): Promise<boolean> {
  const cached = await redis.get('live_room:has_live:global');
  if (cached !== null) return cached === '1';
  const live = await con.getRepository(LiveRoom).exists({ where: { status: RoomStatus.Live } });
  await redis.set('live_room:has_live:global', live ? '1' : '0', 'EX', 30);
  return live;
}

async function createRoom(hostId: string) {
  const repo = con.getRepository(LiveRoom);
  return repo.save(repo.create({ hostId, status: RoomStatus.Created }));
}

router.get('/boot', async (_req, res) => res.json({ live: await hasLiveRooms() }));
router.post('/rooms', async (req, res) => res.json(await createRoom(req.body.hostId)));
