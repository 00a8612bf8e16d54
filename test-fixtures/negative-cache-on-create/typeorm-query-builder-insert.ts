import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { DataSource, Repository } from 'typeorm';
import { Country } from './country.entity';

@Injectable()
export class CountriesService {
  constructor(
    @InjectRepository(Country) private readonly countries: Repository<Country>,
    @InjectRedis() private readonly redis: Redis,
    private readonly dataSource: DataSource,
  ) {}

  async byIso(iso: string): Promise<Country | null> {
    const hit = await this.redis.get(`country:${iso}`);
    if (hit === '__empty__') return null;
    if (hit) return JSON.parse(hit) as Country;
    const country = await this.countries.findOne({ where: { iso } });
    await this.redis.set(`country:${iso}`, country ? JSON.stringify(country) : '__empty__', 'EX', 86_400);
    return country;
  }

  async seed(iso: string, name: string): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(Country).values({ iso, name }).orIgnore().execute(); // expect: negative-cache-on-create
  }
}
