import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import type { Order } from './order.entity';
import { OrdersService } from './orders.service';

class OrderLineDto {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  quantity!: number;
}

class PlaceOrderDto {
  @IsString()
  @Length(1, 64)
  userId!: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  lines!: OrderLineDto[];
}

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<Order> {
    return this.orders.findOne(id);
  }

  @Post()
  place(@Body() dto: PlaceOrderDto): Promise<Order> {
    return this.orders.place(dto);
  }

  @Post(':id/cancel')
  cancel(@Param('id', ParseUUIDPipe) id: string): Promise<Order> {
    return this.orders.cancel(id);
  }

  /** The carrier's webhook. */
  @Post(':id/shipped')
  shipped(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.orders.markShipped(id);
  }
}
