import Redis from 'ioredis';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

@Entity('vouchers')
export class Voucher {
  @PrimaryColumn() code!: string;
  @Column() amountCents!: number;
}

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Voucher] });
const vouchers = dataSource.getRepository(Voucher);
const redis = new Redis();

export async function findVoucher(code: string) {
  const cached = await redis.get(`voucher:${code}`);
  if (cached !== null) return JSON.parse(cached) as Voucher | null;
  const voucher = await vouchers.findOneBy({ code });
  await redis.set(`voucher:${code}`, JSON.stringify(voucher ?? null), 'EX', 300);
  return voucher;
}

export async function createVoucher(code: string, amountCents: number) {
  const voucher = await vouchers.save(vouchers.create({ code, amountCents })); // expect: negative-cache-on-create
  await redis.del(`voucher:${voucher.code}`);
  return voucher;
}
