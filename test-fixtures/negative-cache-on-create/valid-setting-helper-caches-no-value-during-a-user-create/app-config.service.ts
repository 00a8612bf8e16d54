import { Injectable } from '@nestjs/common';

@Injectable()
export class AppConfigService {
  get redisKeys() {
    return { config: { prefix: process.env.CONFIG_PREFIX ?? 'sys_config:', expiresIn: 86400 } };
  }
}
