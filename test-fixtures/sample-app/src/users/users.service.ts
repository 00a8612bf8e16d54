// User profiles, cached in Redis. A lookup of an id that has no row yet caches a short-lived
// NOT_FOUND marker: the client app polls the profile while the identity provider's sign-up hook
// is still creating it, and those polls should not all reach the database.
import { Injectable, NotFoundException } from '@nestjs/common';
import { redis } from '../cache/redis';
import { CacheKeys, NOT_FOUND, NOT_FOUND_TTL_SECONDS } from '../cache/keys';
import { PrismaService } from '../database/prisma';
import { type CreateUserDto, toUserView, type UpdateUserDto, type UserView } from './user.dto';

@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService) {}

  async findOne(id: string): Promise<UserView> {
    const cached = await redis.get(CacheKeys.user(id));
    if (cached === NOT_FOUND) throw new NotFoundException(`User ${id} not found`);
    if (cached !== null) return JSON.parse(cached) as UserView;

    const user = await this.prisma.user.findUnique({ where: { id } });
    if (!user) {
      await redis.set(CacheKeys.user(id), NOT_FOUND, 'EX', NOT_FOUND_TTL_SECONDS);
      throw new NotFoundException(`User ${id} not found`);
    }
    const view = toUserView(user);
    await redis.set(CacheKeys.user(id), JSON.stringify(view)); // expect: missing-ttl
    return view;
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    const data = { id: dto.id, email: dto.email.toLowerCase(), name: dto.name.trim() };
    const user = await this.prisma.user.create({ data }); // expect: negative-cache-on-create
    return toUserView(user);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.prisma.user.update({ where: { id }, data: { name: dto.name?.trim() } });
    await redis.del(CacheKeys.user(id));
    return toUserView(user);
  }

  /** Changes the display name, starting from the profile the cache holds. */
  async rename(id: string, name: string): Promise<UserView> {
    const current = await this.findOne(id);
    const user = await this.prisma.user.update({ where: { id }, data: { ...current, name: name.trim() } }); // expect: write-from-cache
    await redis.del(CacheKeys.user(id));
    return toUserView(user);
  }

  async deactivate(id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id }, data: { active: false } });
      await tx.session.deleteMany({ where: { userId: id } });
      await redis.del(CacheKeys.user(id)); // expect: invalidate-before-commit
    });
  }

  async remove(id: string): Promise<void> {
    await this.prisma.user.delete({ where: { id } });
    await redis.del(CacheKeys.user(id));
  }
}
