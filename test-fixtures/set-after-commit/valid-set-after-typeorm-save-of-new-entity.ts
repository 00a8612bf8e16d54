// valid: `repo.create(dto)` then `save` inserts a new row; caching it right away cannot resurrect an old version
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { Ticket } from './ticket.entity';

export interface CreateTicketDto {
  title: string;
  reporterId: string;
}

@Injectable()
export class TicketsService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async open(dto: CreateTicketDto): Promise<Ticket> {
    const ticket = this.tickets.create({ ...dto, status: 'open' });
    const saved = await this.tickets.save(ticket);
    await this.redis.set(`ticket:${saved.id}`, JSON.stringify(saved), 'EX', 900);
    return saved;
  }
}
