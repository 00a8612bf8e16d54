// Start-up code: the in-process cache is empty while it runs, so its writes leave nothing stale.
import { db } from './db';

interface LocalePackage {
  code: string;
  nativeName: string;
}

export const sideloader = {
  async init(packages: LocalePackage[]) {
    await this.importLocales(packages);
  },
  async importLocales(packages: LocalePackage[]) {
    for (const p of packages) await db('locales').where({ code: p.code }).update({ nativeName: p.nativeName });
  },
};

export async function onModuleInit() {
  await db('locales').where({ code: 'en' }).update({ nativeName: 'English' });
}
