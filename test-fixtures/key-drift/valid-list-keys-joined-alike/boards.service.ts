// valid: the read and the delete build `board:<id>` alike, once as a list and once as parts.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { keyOf, partsKey } from './keys';

export class BoardsService {
  constructor(
    private readonly redis: Redis,
    private readonly prisma: PrismaClient,
  ) {}

  async board(id: string) {
    const hit = await this.redis.get(keyOf(['board', id]));
    if (hit) return JSON.parse(hit);
    const board = await this.prisma.board.findUnique({ where: { id } });
    await this.redis.set(keyOf(['board', id]), JSON.stringify(board), 'EX', 600);
    return board;
  }

  async rename(id: string, title: string) {
    await this.prisma.board.update({ where: { id }, data: { title } });
    await this.redis.del(partsKey('board', id));
  }
}
