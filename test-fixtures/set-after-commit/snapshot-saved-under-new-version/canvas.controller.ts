import { PrismaClient } from '@prisma/client';
import { CanvasSyncService, type CanvasState } from './canvas-sync.service';

export class CanvasController {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sync: CanvasSyncService,
  ) {}

  // look-alike: the state is saved under a version generated inside saveState: a new key
  async apply(canvasId: string, nodes: unknown[]) {
    await this.prisma.canvas.update({ where: { canvasId }, data: { updatedAt: new Date() } });
    const version = await this.sync.saveState(canvasId, { nodes });
    await this.prisma.canvas.update({ where: { canvasId }, data: { version } });
  }

  async restore(canvasId: string, version: string, state: CanvasState) {
    await this.prisma.canvas.update({ where: { canvasId }, data: { version } });
    await this.sync.putState(canvasId, version, state); // expect: set-after-commit
  }
}
