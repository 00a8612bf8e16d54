// valid: the repository only inserts; the service that calls it evicts the cached marker
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Ticket } from './ticket.entity';

@Injectable()
export class TicketsRepository {
  constructor(@InjectRepository(Ticket) private readonly tickets: Repository<Ticket>) {}

  findByRef(ref: string) {
    return this.tickets.findOneBy({ ref });
  }

  async insertTicket(ref: string, subject: string) {
    await this.tickets.insert({ ref, subject });
  }
}
