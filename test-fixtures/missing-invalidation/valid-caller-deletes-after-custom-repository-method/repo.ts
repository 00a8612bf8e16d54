import { Provide, Inject } from '@midwayjs/core';
import { DynamicDataSource } from './db';
@Provide()
export class ConfigRepositoryImpl {
  @Inject()
  private db: DynamicDataSource;
  async selectValueByKey(key: string) {
    const rows = await this.db.execute('select config_value from sys_config where config_key = ?', [key]);
    return rows[0]?.config_value;
  }
  async updateConfig(id: string, value: string) {
    const result = await this.db.execute('update sys_config set config_value = ? where config_id = ?', [value, id]);
    return result.affectedRows;
  }
}
