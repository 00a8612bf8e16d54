// Unit tests for the ORM hook recogniser (facts/db/hooks.ts, facts/db/hook-calls.ts): each ORM's
// hooks on their functions (FnFact.hook) and on the calls made inside them (CallFact.hook), with
// when each call runs; look-alikes that must register nothing.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { extractFacts } from '../src/facts/index';
import type { FileFacts, HookFact } from '../src/facts/types';

function facts(text: string, file = '/p/src/x.ts'): FileFacts {
  return extractFacts(file, text, defaultConfig());
}

/** The hooks found, as `name entity events timing subject`. */
function hooks(f: FileFacts): string[] {
  return f.fns.flatMap((fn) => (fn.hook ? [show(fn.hook)] : []));
}

function show(h: HookFact): string {
  return [h.orm, h.name, h.entity ?? '*', h.events.join('+'), h.timing, h.subject ?? '-'].join(' ');
}

/** Each cache call's verb and the timing of the hook it runs in (`-`: none). */
function callTimings(f: FileFacts): string[] {
  return f.calls.filter((c) => /^(set|setex|del|get)$/.test(c.method)).map((c) => `${c.method}:${c.hook?.timing ?? '-'}`);
}

const IOREDIS = `import Redis from 'ioredis';\nconst redis = new Redis();\n`;

describe('ORM hooks', () => {
  const cases: [string, string, string[]][] = [
    [
      'TypeORM entity listeners (decorators from typeorm)',
      `${IOREDIS}import { AfterUpdate, AfterInsert, BeforeRemove, Entity } from 'typeorm';
@Entity() export class User {
  id = '';
  @AfterUpdate() async a() { await redis.set('k', '1'); }
  @AfterInsert() @AfterUpdate() async b() {}
  @BeforeRemove() async c() {}
}`,
      ['typeorm @AfterUpdate user update after this', 'typeorm @AfterInsert user create+update after this', 'typeorm @BeforeRemove user delete before this'],
    ],
    [
      'TypeORM subscriber: entity from the interface, afterTransactionCommit for every entity',
      `import { EntitySubscriberInterface, UpdateEvent } from 'typeorm';
export class S implements EntitySubscriberInterface<Order> {
  afterUpdate(event: UpdateEvent<Order>) {}
  afterSoftRemove(e: any) {}
  afterTransactionCommit(e: any) {}
  somethingElse() {}
}`,
      ['typeorm afterUpdate order update after event', 'typeorm afterSoftRemove order delete after e', 'typeorm afterTransactionCommit * create+update+delete afterCommit e'],
    ],
    [
      'TypeORM @EventSubscriber with listenTo()',
      `import { EventSubscriber } from 'typeorm';
@EventSubscriber() export class S { listenTo() { return Invoice; } afterRemove(e: any) {} }`,
      ['typeorm afterRemove invoice delete after e'],
    ],
    [
      'sequelize-typescript hooks: static methods, the instance parameter as subject',
      `import { AfterSave, AfterBulkUpdate, BeforeDestroy, Model, Table } from 'sequelize-typescript';
@Table export class Collection extends Model {
  @AfterSave static async s(model: Collection) {}
  @AfterBulkUpdate static async b(options: any) {}
  @BeforeDestroy static async d(model: Collection) {}
}`,
      ['sequelize @AfterSave collection create+update after model', 'sequelize @AfterBulkUpdate collection update after options', 'sequelize @BeforeDestroy collection delete before model'],
    ],
    [
      'Sequelize addHook / afterX on a model, hooks in define options, a named function',
      `import { Sequelize, Model } from 'sequelize';
const sequelize = new Sequelize('x');
class Team extends Model {}
function onDestroy(team: Team) {}
Team.addHook('afterUpdate', 'cacheTeam', async (team: Team) => {});
Team.afterDestroy(onDestroy);
sequelize.addHook('afterBulkCreate', (rows: any) => {});
export const Plan = sequelize.define('plan', {}, { hooks: { afterUpsert(plan: any) {}, beforeUpdate: (p: any) => {} } });`,
      ['sequelize afterDestroy team delete after team', 'sequelize afterUpdate team update after team', 'sequelize afterBulkCreate * create after rows', 'sequelize afterUpsert plan create+update after plan', 'sequelize beforeUpdate plan update before p'],
    ],
    [
      'Mongoose schema middleware: new Schema, SchemaFactory.createForClass, arrays of events',
      `import { Schema } from 'mongoose';
import { SchemaFactory } from '@nestjs/mongoose';
const ArticleSchema = new Schema({});
ArticleSchema.post('save', function (doc) {});
ArticleSchema.pre(['updateOne', 'deleteOne'], function () {});
export const TeamSchema = SchemaFactory.createForClass(Team);
TeamSchema.post(['findOneAndUpdate', 'findOneAndDelete'], async function (res: any) {});
TeamSchema.post('validate', function () {});`,
      ["mongoose post('save') article create+update after doc", "mongoose pre('updateOne', 'deleteOne') article update+delete before this", "mongoose post('findOneAndUpdate', 'findOneAndDelete') team update+delete after res"],
    ],
    [
      'Prisma query extensions and $use middleware',
      `import { PrismaClient, Prisma } from '@prisma/client';
const prisma = new PrismaClient();
export const x = prisma.$extends({ query: { user: { async update({ args, query }) { return query(args); }, findMany({ args, query }) { return query(args); } }, $allModels: { async deleteMany({ args, query }) { return query(args); } } } });
export const y = Prisma.defineExtension({ query: { post: { upsert: async ({ args, query }) => query(args) } } });
prisma.$use(async (params, next) => next(params));`,
      ['prisma query.user.update user update after -', 'prisma query.$allModels.deleteMany * delete after -', 'prisma query.post.upsert post create+update after -', 'prisma $use middleware * create+update+delete after -'],
    ],
    [
      'MikroORM subscriber and entity hooks, cool-admin BaseService',
      `import { AfterDelete, EventSubscriber, EventArgs } from '@mikro-orm/core';
import { BaseService } from '@cool-midway/core';
export class Sub implements EventSubscriber { getSubscribedEntities() { return [Order]; } afterUpdate(args: EventArgs<Order>) {} afterFlush(a: any) {} }
export class Line { @AfterDelete() gone() {} }
export class ParamService extends BaseService { @InjectEntityModel(ParamEntity) repo: any; async modifyAfter(data: any) {} }`,
      ['mikro-orm afterUpdate order update after args', 'mikro-orm afterFlush * create+update+delete after a', 'mikro-orm @AfterDelete line delete after this', 'cool-admin modifyAfter param create+update+delete after data'],
    ],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(hooks(facts(text)).sort()).toEqual(expected.sort()));

  it('look-alikes register nothing', () => {
    const f = facts(`${IOREDIS}import Fastify from 'fastify';
import { Router } from 'express';
import { AfterUpdate } from './events';
const app = Fastify();
const router = Router();
app.addHook('onRequest', async () => {});
app.addHook('afterUpdate', async () => {});
router.post('/x', async () => {});
export function attach(hot: any, t: any) { hot.addHook('afterChange', () => {}); hot.afterSave(() => {}); t.afterCommit(() => redis.del('k')); }
export class W { @AfterUpdate() a() {} afterUpdate() {} afterInsert() {} }
export class S implements Subscriber<User> { afterUpdate() {} }
const schema = { post(name: string, fn: () => void) {} };
schema.post('save', () => {});`);
    expect(hooks(f)).toEqual([]);
    expect(f.calls.every((c) => !c.hook)).toBe(true);
  });
});

describe('calls in hooks', () => {
  it('marks calls in the hook and in functions nested in it', () => {
    const f = facts(`${IOREDIS}import { AfterUpdate } from 'typeorm';
export class User { id = ''; @AfterUpdate() async a() { await redis.set('a', '1'); await Promise.all([1].map(() => redis.del('b'))); } }
export async function elsewhere() { await redis.set('c', '1'); }`);
    expect(callTimings(f)).toEqual(['set:after', 'del:after', 'set:-']);
    const hookFn = f.calls[0].hook!.fn;
    expect(f.calls[1].hook!.fn).toBe(hookFn);
    expect(f.fns[hookFn - 1].hook?.name).toBe('@AfterUpdate');
  });

  it('Prisma middleware: calls before `await query(args)` / `await next(params)` run before the write', () => {
    const f = facts(`${IOREDIS}import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const x = prisma.$extends({ query: { user: { async update({ args, query }) {
  await redis.del('before');
  const r = await query(args);
  await redis.set('after', '1');
  return r;
} } } });
prisma.$use(async (params, next) => { await redis.get('m1'); const r = await next(params); await redis.del('m2'); return r; });`);
    expect(callTimings(f)).toEqual(['del:before', 'set:after', 'get:before', 'del:after']);
  });

  it('afterCommit callbacks: after the commit, following the transaction\'s writes', () => {
    const f = facts(`${IOREDIS}import { Sequelize, Model } from 'sequelize';
const sequelize = new Sequelize('x');
class Account extends Model {}
export async function credit(id: number) {
  await sequelize.transaction(async (t) => {
    await Account.update({ a: 1 }, { where: { id }, transaction: t });
    t.afterCommit(() => redis.del(\`account:\${id}\`));
    await Account.destroy({ where: { id: 2 }, transaction: t });
  });
}`);
    const del = f.calls.find((c) => c.method === 'del')!;
    expect(del.hook?.timing).toBe('afterCommit');
    expect(del.afterWrites.map((i) => f.dbWrites[i].kind)).toEqual(['update', 'delete']);
    const h = f.fns[del.hook!.fn - 1].hook!;
    expect(show(h)).toBe('sequelize afterCommit account update+delete afterCommit -');
  });

  it('an afterCommit inside a hook defers it; a callback also called directly does not', () => {
    const f = facts(`${IOREDIS}import type { SaveOptions } from 'sequelize';
import { AfterSave, AfterDestroy, Model } from 'sequelize-typescript';
export class Collection extends Model {
  @AfterSave static async a(model: Collection, options: SaveOptions) {
    const setData = () => redis.set(\`cd:\${model.id}\`, '1');
    if (options.transaction) return options.transaction.afterCommit(setData);
    await setData();
  }
  @AfterDestroy static async b(model: Collection, options: SaveOptions) {
    options.transaction!.afterCommit(() => redis.del(\`cd:\${model.id}\`));
  }
}`);
    expect(callTimings(f)).toEqual(['set:after', 'del:afterCommit']);
  });
});
