import { getProjectByIdCached, prisma } from './project.service';

export async function showProject(id: string) {
  return getProjectByIdCached(id);
}

export async function renameProject(id: string, name: string) {
  await prisma.project.update({ where: { id }, data: { name } }); // expect: missing-invalidation
}

// look-alike: the same kind of change, and the instance's cached entry is cleared after it
export async function archiveProject(id: string) {
  await prisma.project.update({ where: { id }, data: { archived: true } });
  await getProjectByIdCached.clear(id);
}
