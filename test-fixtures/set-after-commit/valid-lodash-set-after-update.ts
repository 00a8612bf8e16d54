// valid: lodash `_.set` writes a property path into a plain object, not a cache
import _ from 'lodash';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function toggleFeature(tenantId: string, flag: string, enabled: boolean) {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const features = _.cloneDeep(tenant.features as Record<string, unknown>);
  _.set(features, `tenant.${flag}`, enabled);
  await prisma.tenant.update({ where: { id: tenantId }, data: { features } });
  _.set(features, 'updatedBy', 'admin');
  return features;
}
