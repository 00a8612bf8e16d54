// NestJS: @Inject(CACHE_MANAGER) cache-manager next to a TypeORM repository update.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { Customer } from './customer.entity';

export interface UpdateCustomerDto {
  name?: string;
  tier?: 'free' | 'pro';
}

@Injectable()
export class CustomersService {
  constructor(
    @InjectRepository(Customer) private readonly customerRepository: Repository<Customer>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async update(id: string, dto: UpdateCustomerDto): Promise<Customer> {
    await this.customerRepository.update({ id }, dto);
    const customer = await this.customerRepository.findOneByOrFail({ id });
    await this.cache.set(`customer:${id}`, customer, 60_000); // expect: set-after-commit
    return customer;
  }
}
