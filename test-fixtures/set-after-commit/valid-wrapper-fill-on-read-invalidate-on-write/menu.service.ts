// valid: through the wrapper, the read path fills the key and the write path drops it
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JsonCache } from './cache/json-cache';
import { Menu } from './menu.entity';

@Injectable()
export class MenuService {
  constructor(
    @InjectRepository(Menu) private readonly menus: Repository<Menu>,
    private readonly cache: JsonCache,
  ) {}

  async get(restaurantId: number): Promise<Menu | null> {
    const hit = await this.cache.read<Menu>(`menu:${restaurantId}`);
    if (hit) return hit;
    const menu = await this.menus.findOneBy({ restaurantId });
    if (menu) await this.cache.write(`menu:${restaurantId}`, menu);
    return menu;
  }

  async publish(restaurantId: number): Promise<void> {
    await this.menus.update({ restaurantId }, { publishedAt: new Date() });
    await this.cache.drop(`menu:${restaurantId}`);
  }
}
