import { PrismaClient } from '@prisma/client';
import { settingCheck, settingPut } from './settingCache';

const prisma = new PrismaClient();

export async function getAppSetting(name: string) {
  const cached = await settingCheck(name);
  if (cached) return cached;
  const row = await prisma.setting.findUnique({ where: { internalId: name } });
  if (row?.value) await settingPut(name, row.value);
  return row?.value ?? null;
}

export async function updateAppSetting(name: string, value: string) {
  const row = await prisma.setting.update({ where: { internalId: name }, data: { value } });
  if (row.value) await settingPut(name, row.value); // expect: set-after-commit
  return row;
}
