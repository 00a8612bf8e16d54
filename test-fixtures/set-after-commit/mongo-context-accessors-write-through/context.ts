import { Collection, Db } from 'mongodb';

export interface User { tenantID: string; id: string; username: string; role: string }

// collections are reached through accessor methods of a context object
export class MongoContext {
  constructor(private readonly main: Db) {}
  public users(): Collection<User> {
    return this.main.collection<User>('users');
  }
}
