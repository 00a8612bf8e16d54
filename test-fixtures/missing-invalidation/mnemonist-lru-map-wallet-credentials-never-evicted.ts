import LRUMap from 'mnemonist/lru-map';
import { PrismaClient, type WalletCredential } from '@prisma/client';

const prisma = new PrismaClient();

/** Decrypted credentials, kept in the process: no TTL, only capacity evicts them. */
export const walletCredentialsCache = new LRUMap<string, WalletCredential>(2048);

export async function getWalletCredential(id: string) {
  const hit = walletCredentialsCache.get(`credential:${id}`);
  if (hit) return hit;
  const row = await prisma.walletCredential.findUniqueOrThrow({ where: { id } });
  walletCredentialsCache.set(`credential:${id}`, row);
  return row;
}

/** A rotated secret is never used until the process restarts. */
export async function rotateSecret(id: string, secret: string) {
  await prisma.walletCredential.update({ where: { id }, data: { secret } }); // expect: missing-invalidation
}

export async function renameCredential(id: string, label: string) {
  await prisma.walletCredential.update({ where: { id }, data: { label } });
  walletCredentialsCache.delete(`credential:${id}`);
}
