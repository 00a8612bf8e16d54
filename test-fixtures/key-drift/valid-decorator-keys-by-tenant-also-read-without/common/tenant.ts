// The request's tenant, kept by a middleware (AsyncLocalStorage in the real thing).
export class TenantContext {
  private static current: string | undefined;

  static run<T>(tenantId: string | undefined, fn: () => T): T {
    const before = TenantContext.current;
    TenantContext.current = tenantId;
    try {
      return fn();
    } finally {
      TenantContext.current = before;
    }
  }

  static getTenantId(): string | undefined {
    return TenantContext.current;
  }
}
