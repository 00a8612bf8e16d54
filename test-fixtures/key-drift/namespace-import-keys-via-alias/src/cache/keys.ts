export const PLAN_PREFIX = 'billing:plan:v2';

export function plan(planId: string): string {
  return `${PLAN_PREFIX}:${planId}`;
}

export function usage(accountId: string, month: string): string {
  return `billing:usage:${accountId}:${month}`;
}
