// The key is built by a config service at run time (no entity in sight), so the value says what
// is cached: an enrollment. Setting it after the enrollment's own update races a reader; setting it
// after a write of module tracks (another table) does not.
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CacheConfig } from './cache-config';
import { Enrollment, ModuleTrack } from './entities';

@Injectable()
export class EnrollmentsService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(Enrollment) private readonly enrollments: Repository<Enrollment>,
    @InjectRepository(ModuleTrack) private readonly tracks: Repository<ModuleTrack>,
    private readonly keys: CacheConfig,
  ) {}

  async find(id: string) {
    const key = this.keys.enrollmentKey(id);
    const hit = await this.cache.get<Enrollment>(key);
    if (hit) return hit;
    const row = await this.enrollments.findOneBy({ id });
    await this.cache.set(key, row, 600_000);
    return row;
  }

  async update(id: string, status: string) {
    const enrollment = await this.enrollments.update({ id }, { status });
    const fresh = await this.enrollments.findOneBy({ id });
    await this.cache.set(this.keys.enrollmentKey(id), fresh, 600_000); // expect: set-after-commit
    return enrollment;
  }

  async startModules(id: string, moduleIds: string[]) {
    const enrollment = await this.enrollments.findOneBy({ id });
    await this.tracks.insert(moduleIds.map((moduleId) => ({ enrollmentId: id, moduleId })));
    await this.tracks.update({ enrollmentId: id }, { progress: 0 });
    await this.cache.set(this.keys.enrollmentKey(id), enrollment, 600_000);
  }
}
