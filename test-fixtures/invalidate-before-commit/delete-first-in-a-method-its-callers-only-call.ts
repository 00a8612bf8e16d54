// The service deletes the album's key and then destroys the row; its one caller only calls it,
// which is the same delete seen through the call, not a second one after the write
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { Inject } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import { Album } from './album.model';

@Injectable()
export class AlbumService {
  constructor(
    @InjectModel(Album) private readonly albums: typeof Album,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async album(id: number) {
    const hit = await this.cache.get(`album/${id}`);
    if (hit) return hit;
    const row = await this.albums.findByPk(id);
    await this.cache.set(`album/${id}`, row, 600_000);
    return row;
  }

  async remove(id: number) {
    await this.cache.del(`album/${id}`); // expect: invalidate-before-commit
    return this.albums.destroy({ where: { id } });
  }
}

export class AlbumController {
  constructor(private readonly service: AlbumService) {}
  remove(id: number) {
    return this.service.remove(id);
  }
}
