// The controller orders the write and the cache reset.
import { ConfigService } from './config.service';
import { ConfigManager } from './config.manager';

export class ConfigController {
  constructor(
    private readonly configService: ConfigService,
    private readonly configManager: ConfigManager,
  ) {}

  async remove(ids: string) {
    const configIds = ids.split(',').map(Number);
    await this.configService.removeMany(configIds);
    await this.configService.clearCache();
  }

  /** Not a repository: `deleteAll` here is no database write. */
  async drop() {
    await this.configManager.deleteAll();
  }
}
