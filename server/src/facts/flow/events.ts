// Events a function emits and events it handles, so an invalidation done in a handler counts for
// the write path that emits the event: `this.events.emit('user.updated', u)` in the service and
// `@OnEvent('user.updated') evict(u) { … del(…) }` elsewhere (Nest event-emitter, Node's
// EventEmitter, microservice patterns, Redis pub/sub channels). Names are compared as written.
import { ts } from 'ts-morph';
import type { VisitorMap } from '../../syntax/walk';
import type { FileCtx } from '../context';
import { decoratorsOf, isFunctionLike, memberName, unwrap } from '../../syntax/scope';
import { comparedLiterals } from '../../syntax/compared-literals';

// (Redis pub/sub too: `redis.publish('user-order-modified', msg)` and node-redis's
// `subscriber.subscribe('user-order-modified', (msg) => …)`)
const EMITS = /^(emit|emitAsync|publish)$/;
const LISTENS = /^(on|once|addListener|prependListener|subscribe)$/;
const HANDLER_DECORATORS = /^(OnEvent|EventPattern|MessagePattern|OnQueueEvent|Subscribe)$/;

function add(list: string[] | undefined, name: string): string[] {
  const out = list ?? [];
  if (!out.includes(name)) out.push(name);
  return out;
}

/** The name of an event argument: a string literal, or a constant's name as written (`Events.USER_UPDATED`). */
function eventName(a: ts.Expression | undefined, sf: ts.SourceFile): string | undefined {
  if (!a) return undefined;
  const e = unwrap(a);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) || ts.isIdentifier(e)) return e.getText(sf);
  return undefined;
}

/** The string literals a message listener compares its channel parameter with (`===`, `==`, `case`). */
function testedChannels(handler: ts.FunctionLikeDeclaration): string[] {
  const p = handler.parameters[0]?.name;
  if (!p || !ts.isIdentifier(p) || !handler.body) return [];
  return comparedLiterals(handler.body, (e) => {
    const u = unwrap(e);
    return ts.isIdentifier(u) && u.text === p.text;
  });
}

export function eventVisitors(ctx: FileCtx): VisitorMap {
  return {
    [ts.SyntaxKind.CallExpression]: [
      (node) => {
        const call = node as ts.CallExpression;
        const callee = unwrap(call.expression);
        const m = memberName(callee);
        if (!m) return;
        if (EMITS.test(m)) {
          // Pattern: this.eventEmitter.emit('user.updated', user)
          const name = eventName(call.arguments[0], ctx.sf);
          const fn = ctx.fnIdOf(call);
          if (name && fn > 0) ctx.facts.fns[fn - 1].emits = add(ctx.facts.fns[fn - 1].emits, name);
        } else if (LISTENS.test(m)) {
          // Pattern: emitter.on('user.updated', async (u) => { … })
          const name = eventName(call.arguments[0], ctx.sf);
          const handler = call.arguments[1] && unwrap(call.arguments[1]);
          if (!name || !handler || !isFunctionLike(handler) || !handler.body) return;
          const fn = ctx.fnIdOf(handler.body);
          if (fn <= 0) return;
          // Pattern: sub.on('message', (channel, id) => { if (channel === 'tenant:cache:invalidate') … })
          // (ioredis: one listener for every channel subscribed; it handles the channels it tests for)
          const channels = name === 'message' || name === 'messageBuffer' ? testedChannels(handler) : [name];
          for (const c of channels) ctx.facts.fns[fn - 1].handles = add(ctx.facts.fns[fn - 1].handles, c);
        }
      },
    ],
    [ts.SyntaxKind.MethodDeclaration]: [
      // Pattern: @OnEvent('user.updated') async evict(u: User) { … }
      (node) => {
        const method = node as ts.MethodDeclaration;
        if (!method.body) return;
        for (const d of decoratorsOf(method)) {
          if (!HANDLER_DECORATORS.test(d.name)) continue;
          const name = eventName(d.args[0], ctx.sf);
          if (!name) continue;
          const fn = ctx.fnIdOf(method.body);
          if (fn > 0) ctx.facts.fns[fn - 1].handles = add(ctx.facts.fns[fn - 1].handles, name);
        }
      },
    ],
  };
}
