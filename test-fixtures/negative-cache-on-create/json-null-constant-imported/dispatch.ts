import { Knex } from 'knex';

export async function hireCourier(db: Knex, phone: string, name: string) {
  await db('couriers').insert({ phone, name }); // expect: negative-cache-on-create
}
