// valid: `wrap` reads (and fills) `weather:<city>`, which is the key the refresh deletes
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Forecast } from './forecast.entity';

@Injectable()
export class WeatherService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(Forecast) private readonly forecasts: Repository<Forecast>,
  ) {}

  forecast(city: string): Promise<Forecast[]> {
    return this.cache.wrap(`weather:${city}`, () => this.forecasts.find({ where: { city } }), 10 * 60_000);
  }

  async ingest(city: string, rows: Forecast[]): Promise<void> {
    await this.forecasts.delete({ city });
    await this.forecasts.insert(rows);
    await this.cache.del(`weather:${city}`);
  }
}
