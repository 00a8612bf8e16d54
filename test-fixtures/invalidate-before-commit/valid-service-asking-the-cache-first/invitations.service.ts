// valid: the service asks the cache first in findOpenInvitation (no wrapper: it is named for the
// lookup, not the cache); its delete runs only on the path that throws, never before the save
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
import { InviteCacheService } from './invite-cache.service';

@Entity()
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() userId: string;
  @Column() setId: string;
  @Column() state: string;
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly cache: InviteCacheService,
    @InjectRepository(Invitation) private readonly repo: Repository<Invitation>,
  ) {}

  async findOpenInvitation(userId: string, setId: string) {
    const cached = await this.cache.getOpenInvitationFromCache(userId, setId);
    if (cached) return cached;
    const open = await this.repo.findOneBy({ userId, setId, state: 'open' });
    if (open) await this.cache.setOpenInvitationCache(userId, setId, open);
    return open;
  }

  private async validate(userId: string, setId: string) {
    const open = await this.findOpenInvitation(userId, setId);
    if (open) {
      await this.cache.deleteOpenInvitationFromCache(userId, setId);
      throw new Error('an open invitation already exists');
    }
  }

  async invite(userId: string, setId: string) {
    await this.validate(userId, setId);
    const invitation = this.repo.create({ userId, setId, state: 'open' });
    return this.repo.save(invitation);
  }
}
