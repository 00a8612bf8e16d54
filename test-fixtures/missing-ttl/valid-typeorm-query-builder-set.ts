// valid: TypeORM's query builder .set({...}) is the SET clause of an UPDATE, and entity setters are plain fields
import { DataSource } from 'typeorm';
import { Subscription } from './entities/subscription';

export async function cancelSubscription(ds: DataSource, id: string) {
  await ds
    .createQueryBuilder()
    .update(Subscription)
    .set({ status: 'cancelled', cancelledAt: () => 'CURRENT_TIMESTAMP' })
    .where('id = :id', { id })
    .execute();
}

export async function renewAll(ds: DataSource, planId: string) {
  await ds.manager.createQueryBuilder(Subscription, 's').update().set({ renewedAt: new Date() }).where('s.planId = :planId', { planId }).execute();
}
