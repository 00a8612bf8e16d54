import { describe, expect, it } from 'vitest';
import '../src/facts/index';
import { Analyzer } from '../src/engine/run';
import { defaultConfig } from '../src/config';

// what a value cached from a project function's result holds (missing-invalidation leaves writes of
// other columns alone): an object literal's properties, or a project class's own data
const files: Record<string, string> = {
  '/p/auth-user.model.ts': `export class AuthUser {
  public readonly id: number;
  public readonly githubId: string;
  constructor(user: { id: number; githubId: string }, public readonly isAdmin = false) {
    this.id = user.id;
    this.githubId = user.githubId;
  }
}`,
  '/p/auth.service.ts': `import { AuthUser } from './auth-user.model';
export class AuthService {
  async getAuthUser(id: number) { const user = await prisma.user.findUniqueOrThrow({ where: { id } }); return new AuthUser(user); }
  async getDetails(id: number) { const user = await prisma.user.findUniqueOrThrow({ where: { id } }); return { id: user.id, login: user.githubId }; }
  async getRow(id: number) { return prisma.user.findUniqueOrThrow({ where: { id } }); }
}`,
  '/p/jwt.strategy.ts': `import { AuthService } from './auth.service';
export class JwtStrategy {
  constructor(private readonly authService: AuthService) {}
  async validate(id: number) {
    const a = await this.authService.getAuthUser(id);
    const b = await this.authService.getDetails(id);
    const c = await this.authService.getRow(id);
    return [a, b, c];
  }
}`,
};

describe('what a project function returns', () => {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  for (const [f, t] of Object.entries(files)) a.setFile(f, t);
  const graph = a.project().callGraph;
  const fn = a.factsOf('/p/jwt.strategy.ts')!.fns.find((f) => f.name === 'validate')!.id;

  it('an instance of a project class through an injected service: its declared, parameter and assigned properties', () => {
    expect(graph.returnHoldsOf('/p/jwt.strategy.ts', [{ ctor: 0, prop: 'getAuthUser' }], fn)?.sort()).toEqual(['githubid', 'id', 'isadmin']);
  });
  it('an object literal: its properties', () => {
    expect(graph.returnHoldsOf('/p/jwt.strategy.ts', [{ ctor: 0, prop: 'getDetails' }], fn)?.sort()).toEqual(['id', 'login']);
  });
  it('a whole row, or a call the graph cannot place: unknown', () => {
    expect(graph.returnHoldsOf('/p/jwt.strategy.ts', [{ ctor: 0, prop: 'getRow' }], fn)).toBeUndefined();
    expect(graph.returnHoldsOf('/p/jwt.strategy.ts', [{ ctor: 1, prop: 'getAuthUser' }], fn)).toBeUndefined();
    expect(graph.returnHoldsOf('/p/jwt.strategy.ts', [{ ctor: 0, prop: 'getAuthUser' }])).toBeUndefined();
  });
});
