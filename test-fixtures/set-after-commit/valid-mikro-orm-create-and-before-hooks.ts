// valid: MikroORM hooks that run after a create (the row is new) or before the flush, and Prisma
// `$use` middleware that writes before calling `next`
import { AfterCreate, BeforeUpdate, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const redis = new Redis();
const prisma = new PrismaClient();

@Entity()
export class Ticket {
  @PrimaryKey() id!: number;
  @Property() title!: string;

  @AfterCreate()
  async remember() {
    await redis.set(`ticket:${this.id}`, JSON.stringify(this), 'EX', 300);
  }

  @BeforeUpdate()
  async stage() {
    await redis.set(`ticket:${this.id}`, JSON.stringify(this), 'EX', 300);
  }
}

export class TicketSubscriber implements EventSubscriber<Ticket> {
  async afterCreate(args: EventArgs<Ticket>) {
    await redis.set(`ticket:${args.entity.id}`, JSON.stringify(args.entity), 'EX', 300);
  }

  async beforeUpdate(args: EventArgs<Ticket>) {
    await redis.set(`ticket:${args.entity.id}`, JSON.stringify(args.entity), 'EX', 300);
  }
}

prisma.$use(async (params, next) => {
  if (params.model === 'Ticket') await redis.set(`ticket:${String(params.args?.where?.id)}`, 'pending', 'EX', 5);
  return next(params);
});

export async function ticket(id: number) {
  const hit = await redis.get(`ticket:${id}`);
  if (hit) return JSON.parse(hit);
  return prisma.ticket.findUnique({ where: { id } });
}
