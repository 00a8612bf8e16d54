// valid: the create hands the new record to a helper that writes it under the marker's key
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { PrismaService } from './prisma.service';

interface Agent {
  id: string;
  callsign: string;
}

@Injectable()
export class AgentsService {
  constructor(
    private readonly prisma: PrismaService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async byCallsign(callsign: string): Promise<Agent | null> {
    const cached = await this.redis.get(`agent:${callsign}`);
    if (cached === 'null') return null;
    if (cached) return JSON.parse(cached) as Agent;
    const agent = await this.prisma.agent.findUnique({ where: { callsign } });
    if (!agent) await this.redis.set(`agent:${callsign}`, 'null', 'EX', 30);
    else await this.remember(agent);
    return agent;
  }

  async recruit(callsign: string): Promise<Agent> {
    const agent = await this.prisma.agent.create({ data: { callsign } });
    await this.remember(agent);
    return agent;
  }

  private async remember(agent: Agent): Promise<void> {
    await this.redis.set(`agent:${agent.callsign}`, JSON.stringify(agent), 'EX', 600);
  }
}
