import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RedisService } from './redis.service';
import { PageView } from './page-view.schema';

@Injectable()
export class StatsService {
  constructor(
    private readonly redis: RedisService,
    @InjectModel(PageView.name) private readonly views: Model<PageView>,
  ) {}

  async dailyViews(day: string): Promise<number> {
    const cached = await this.redis.get(`views:${day}`);
    if (cached !== null) return Number(cached);
    const count = await this.views.countDocuments({ day });
    await this.redis.set(`views:${day}`, String(count)); // expect: missing-ttl
    return count;
  }
}
