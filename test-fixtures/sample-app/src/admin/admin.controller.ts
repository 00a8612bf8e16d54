import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '../orders/order.entity';
import type { ProductView } from '../products/product.dto';
import { AdminService } from './admin.service';

class SetPriceDto {
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents!: number;
}

class SetOrderStatusDto {
  @IsIn(ORDER_STATUSES)
  status!: OrderStatus;
}

/** Behind the back-office gateway, which authenticates staff and passes their login along. */
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Put('products/:id/price')
  setPrice(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetPriceDto,
    @Headers('x-staff-login') actor: string,
  ): Promise<ProductView> {
    return this.admin.setPrice(id, dto.priceCents, actor);
  }

  @Post('products/:id/archive')
  @HttpCode(204)
  archive(@Param('id', ParseUUIDPipe) id: string, @Headers('x-staff-login') actor: string): Promise<void> {
    return this.admin.archive(id, actor);
  }

  @Patch('orders/:id/status')
  @HttpCode(204)
  setOrderStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetOrderStatusDto,
    @Headers('x-staff-login') actor: string,
  ): Promise<void> {
    return this.admin.setOrderStatus(id, dto.status, actor);
  }
}
