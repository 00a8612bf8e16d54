// valid: reads cache a not-found marker, and the service evicts it after every insert
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { Cache } from 'cache-manager';
import { TicketsRepository } from './tickets.repository';

@Injectable()
export class TicketsService {
  constructor(
    private readonly repo: TicketsRepository,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async byRef(ref: string) {
    const cached = await this.cache.get<string>(`ticket:${ref}`);
    if (cached === 'null') return null;
    if (cached) return JSON.parse(cached);
    const ticket = await this.repo.findByRef(ref);
    await this.cache.set(`ticket:${ref}`, ticket ? JSON.stringify(ticket) : 'null', 30_000);
    return ticket;
  }

  async open(ref: string, subject: string) {
    await this.repo.insertTicket(ref, subject);
    await this.cache.del(`ticket:${ref}`);
  }
}
