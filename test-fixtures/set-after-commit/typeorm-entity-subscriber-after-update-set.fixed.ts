// A TypeORM subscriber for User writes the updated row through to the cache after each update.
import Redis from 'ioredis';
import { EntitySubscriberInterface, EventSubscriber, UpdateEvent } from 'typeorm';
import { User } from './entities/user';

const redis = new Redis();

@EventSubscriber()
export class UserSubscriber implements EntitySubscriberInterface<User> {
  listenTo() {
    return User;
  }

  async afterUpdate(event: UpdateEvent<User>) {
    const user = event.entity as User;
    await redis.del(`user:${user.id}`); // expect: set-after-commit
  }
}
