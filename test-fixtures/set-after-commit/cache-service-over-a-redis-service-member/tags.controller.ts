import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { TagsService } from './tags.service';

@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get(':slug') get(@Param('slug') slug: string) { return this.tags.getTag(slug); }
  @Put(':slug') rename(@Param('slug') slug: string, @Body('name') name: string) { return this.tags.renameTag(slug, name); }
  @Delete(':slug') hide(@Param('slug') slug: string) { return this.tags.hideTag(slug); }
}
