// valid: the update method deletes the key; only the read method (its own flow) sets it
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Cache } from 'cache-manager';
import { Model } from 'mongoose';
import { Venue, type VenueDocument } from './venue.schema';

@Injectable()
export class VenuesService {
  constructor(
    @InjectModel(Venue.name) private readonly venueModel: Model<VenueDocument>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async findOne(id: string): Promise<Venue | null> {
    const cached = await this.cache.get<Venue>(`venue:${id}`);
    if (cached) return cached;
    const venue = await this.venueModel.findById(id).lean();
    if (venue) await this.cache.set(`venue:${id}`, venue, 120_000);
    return venue;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.venueModel.updateOne({ _id: id }, { $set: { name } });
    await this.cache.del(`venue:${id}`);
  }
}
