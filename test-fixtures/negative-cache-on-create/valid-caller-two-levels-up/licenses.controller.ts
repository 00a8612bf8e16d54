// valid: the controller clears the cached marker after issuing
import { Body, Controller, Post } from '@nestjs/common';
import { LicensesService } from './licenses.service';

@Controller('licenses')
export class LicensesController {
  constructor(private readonly licenses: LicensesService) {}

  @Post()
  async create(@Body() body: { key: string; seats: number }) {
    const license = await this.licenses.issue(body.key, body.seats);
    await this.licenses.cache.del(`license:${body.key}`);
    return license;
  }
}
