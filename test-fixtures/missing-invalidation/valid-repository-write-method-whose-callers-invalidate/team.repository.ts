// The repository wraps the model; its update is called by the services, which clear the cache.
import { Model } from 'mongoose';

interface Team {
  _id: string;
  name: string;
  plan: string;
}

export class TeamRepository {
  constructor(private readonly team: Model<Team>) {}

  async findById(id: string) {
    return this.team.findById(id).lean();
  }

  async update(id: string, changes: Partial<Team>) {
    return this.team.updateOne({ _id: id }, { $set: changes });
  }
}
