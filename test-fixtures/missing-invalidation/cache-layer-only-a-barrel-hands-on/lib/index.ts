export * from './cache';
export { prisma } from './db';
