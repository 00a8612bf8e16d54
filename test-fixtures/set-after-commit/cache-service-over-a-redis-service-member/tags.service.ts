import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CacheService } from './cache.service';
import { Tag } from './tag.schema';

@Injectable()
export class TagsService {
  constructor(
    @InjectModel(Tag.name) private readonly tagModel: Model<Tag>,
    private readonly cacheService: CacheService,
  ) {}

  async getTag(slug: string) {
    const hit = await this.cacheService.get(`tag:${slug}`);
    if (hit) return JSON.parse(hit);
    const tag = await this.tagModel.findOne({ slug }).lean();
    await this.cacheService.set(`tag:${slug}`, JSON.stringify(tag), 3600);
    return tag;
  }

  async renameTag(slug: string, name: string) {
    const tag = await this.tagModel.findOneAndUpdate({ slug }, { name }, { new: true }).lean();
    await this.cacheService.set(`tag:${slug}`, JSON.stringify(tag), 3600); // expect: set-after-commit
    return tag;
  }

  async hideTag(slug: string) {
    await this.tagModel.updateOne({ slug }, { hidden: true });
    await this.cacheService.delete(`tag:${slug}`);
  }
}
