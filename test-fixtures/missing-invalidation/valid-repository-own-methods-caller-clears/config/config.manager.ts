// Holds the settings screen's open drafts in memory.
export class ConfigManager {
  private drafts = new Map<string, string>();

  async deleteAll() {
    this.drafts.clear();
  }
}
