import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { OrderService } from './order.service';

@Controller('orders')
export class OrderController {
  constructor(private readonly orders: OrderService) {}

  @Get(':id')
  find(@Param('id') id: string) {
    return this.orders.findById(id);
  }

  @Patch(':id/status')
  setStatus(@Param('id') id: string, @Body('status') status: string) {
    return this.orders.updateStatus(id, status);
  }
}
