import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'articles' })
export class Article {
  @Prop({ required: true, unique: true }) slug!: string;
  @Prop() title!: string;
  @Prop() body!: string;
}

export const ArticleSchema = SchemaFactory.createForClass(Article);
