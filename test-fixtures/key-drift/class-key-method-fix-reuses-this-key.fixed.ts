import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Venue } from './venue.model';

@Injectable()
export class VenuesService {
  constructor(
    @InjectModel(Venue) private readonly venues: typeof Venue,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  private key(city: string, venueId: number): string {
    return `venue:${city.toLowerCase()}:v3:${venueId}`;
  }

  async find(city: string, venueId: number): Promise<Venue | null> {
    const hit = await this.redis.get(this.key(city, venueId));
    if (hit) return JSON.parse(hit);
    const venue = await this.venues.findOne({ where: { id: venueId, city } });
    if (venue) await this.redis.set(this.key(city, venueId), JSON.stringify(venue), 'EX', 1800);
    return venue;
  }

  async close(city: string, venueId: number): Promise<void> {
    await this.venues.update({ closed: true }, { where: { id: venueId } });
    await this.redis.del(this.key(city, venueId)); // expect: key-drift
  }
}
