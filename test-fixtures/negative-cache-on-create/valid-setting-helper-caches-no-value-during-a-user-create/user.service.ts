// valid: creating a user reads a setting through a helper that caches "no value" for settings; the
// empty value is about the setting the helper loaded, not about users, whatever the setting's name.
import { Injectable } from '@nestjs/common';
import { UserRepository } from './user.repository';
import { ConfigService } from './config.service';

const REGISTER_ENABLED = 'sys.user.registerEnabled';

@Injectable()
export class UserService {
  constructor(
    private readonly userRepository: UserRepository,
    private readonly sysConfigService: ConfigService,
  ) {}

  async create(username: string, invited: boolean, password?: string) {
    const existing = await this.userRepository.findByUsername(username);
    if (existing) throw new Error('taken');
    if (!invited && (await this.sysConfigService.getValueByKey(REGISTER_ENABLED)) === 'false') throw new Error('closed');
    return this.userRepository.create({ username, password: password ?? '' });
  }
}
