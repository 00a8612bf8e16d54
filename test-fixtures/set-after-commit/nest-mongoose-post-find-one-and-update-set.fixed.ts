// NestJS Mongoose schema (SchemaFactory) with query middleware after findOneAndUpdate.
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { createClient } from 'redis';

const redis = createClient();

@Schema()
export class Workspace {
  @Prop() name!: string;
}

export const WorkspaceSchema = SchemaFactory.createForClass(Workspace);

WorkspaceSchema.post(['findOneAndUpdate', 'updateOne'], async function (res: any) {
  if (res) await redis.del(`workspace:${res._id}`); // expect: set-after-commit
});
