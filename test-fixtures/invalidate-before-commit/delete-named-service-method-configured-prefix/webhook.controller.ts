import { Controller, Delete, Get, Param } from '@nestjs/common';
import { WebhookService } from './webhook.service';

@Controller('webhooks')
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Get(':secret')
  find(@Param('secret') secret: string) {
    return this.webhooks.findBySecretAndCache(secret);
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.webhooks.deleteByAdmin(id);
  }

  @Delete('admin/:id')
  removeAdmin(@Param('id') id: string) {
    return this.webhooks.removeByAdmin(id);
  }
}
