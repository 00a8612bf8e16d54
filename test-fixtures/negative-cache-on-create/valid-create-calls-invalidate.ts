// valid: the create calls an invalidation helper, which plausibly clears the marker
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { PrismaService } from './prisma.service';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly prisma: PrismaService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async find(key: string) {
    const cached = await this.redis.get(`project:${key}`);
    if (cached === '') return null;
    if (cached) return JSON.parse(cached);
    const project = await this.prisma.project.findUnique({ where: { key } });
    await this.redis.set(`project:${key}`, project ? JSON.stringify(project) : '', 'EX', project ? 900 : 45);
    return project;
  }

  async create(key: string, name: string) {
    const project = await this.prisma.project.create({ data: { key, name } });
    await this.invalidateProject(key);
    return project;
  }

  private async invalidateProject(key: string) {
    await this.redis.unlink(`project:${key}`);
  }
}
