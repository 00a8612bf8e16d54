// valid: the cache call is handed to a hook that runs after the commit (TypeORM-transactional style).
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { runOnTransactionCommit } from 'typeorm-transactional';
import { Plan } from './plan.entity';

const redis = new Redis();

export async function archive(dataSource: DataSource, id: number) {
  await dataSource.transaction(async (manager) => {
    await manager.update(Plan, { id }, { archived: true });
    runOnTransactionCommit(async () => {
      await redis.del(`plan:${id}`);
    });
  });
}
