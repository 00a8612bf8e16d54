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
  if (res) await redis.set(`workspace:${res._id}`, JSON.stringify(res), { EX: 600 }); // expect: set-after-commit
});
