import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { Team } from './team.entity';

const teamKey = (id: number) => `team:${id}`;

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async findOne(id: number): Promise<Team> {
    const hit = await this.cache.get<Team>(teamKey(id));
    if (hit) return hit;
    const row = await this.teams.findOneBy({ id });
    if (!row) throw new NotFoundException();
    await this.cache.set(teamKey(id), row, 60_000);
    return row;
  }

  /** The update merges the request into whatever findOne returned: the cached copy on a hit. */
  async update(id: number, dto: Partial<Team>) {
    const team = await this.findOne(id);
    await this.teams.save({ ...team, ...dto }); // expect: write-from-cache
    await this.cache.del(teamKey(id));
  }
}
