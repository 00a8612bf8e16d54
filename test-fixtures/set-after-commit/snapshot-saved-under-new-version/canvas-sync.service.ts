// Canvas states are snapshots: each is stored under its own version, generated when the state has
// none yet, so a version's key holds one value forever.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

export interface CanvasState {
  version?: string;
  nodes: unknown[];
}

const genVersionId = () => `v-${randomUUID()}`;

export class CanvasSyncService {
  private readonly ttl = 3600;

  constructor(private readonly redis: Redis) {}

  private stateKey(canvasId: string, version: string) {
    return `canvas-state:${canvasId}:${version}`;
  }

  async loadState(canvasId: string, version: string): Promise<CanvasState | null> {
    const hit = await this.redis.get(this.stateKey(canvasId, version));
    return hit ? (JSON.parse(hit) as CanvasState) : null;
  }

  async saveState(canvasId: string, state: CanvasState) {
    state.version ||= genVersionId();
    const key = this.stateKey(canvasId, state.version);
    await this.redis.setex(key, this.ttl, JSON.stringify(state));
    return state.version;
  }

  // the caller names the version: an existing one is overwritten in place
  async putState(canvasId: string, version: string, state: CanvasState) {
    const key = this.stateKey(canvasId, version);
    await this.redis.setex(key, this.ttl, JSON.stringify(state));
  }
}
