// Prisma for the catalog database (products, users): the client as a Nest provider, and a filter
// that turns Prisma's "no such record" and "unique constraint" errors into 404 and 409, so the
// services can call `update`/`delete` without wrapping every call in try/catch.
import { ArgumentsHost, Catch, ConflictException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { Prisma, PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

@Catch(Prisma.PrismaClientKnownRequestError)
export class PrismaExceptionFilter extends BaseExceptionFilter {
  catch(err: Prisma.PrismaClientKnownRequestError, host: ArgumentsHost): void {
    super.catch(toHttpException(err) ?? err, host);
  }
}

function toHttpException(err: Prisma.PrismaClientKnownRequestError): HttpException | undefined {
  switch (err.code) {
    case 'P2025':
      return new NotFoundException(`${err.meta?.modelName ?? 'Record'} not found`);
    case 'P2002': {
      const target = err.meta?.target;
      const fields = Array.isArray(target) ? target.join(', ') : 'key';
      return new ConflictException(`A record with this ${fields} already exists`);
    }
    default:
      return undefined;
  }
}
