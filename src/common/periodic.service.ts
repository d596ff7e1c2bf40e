import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { PeriodicRunsRepository } from './periodic-runs.repository';

/** A run claimed longer ago than this and never finished belongs to a dead worker: run it again. */
const LEASE_SECONDS = 600;
/** However long the period, look at least this often, so a failed or abandoned run is retried soon. */
const MAX_WAIT_MS = 60_000;
/** Past each boundary, so a timer that fires a hair early still lands in the new period. */
const AFTER_BOUNDARY_MS = 50;

export interface PeriodicTask {
  /** Names the task in `periodic_run` and in logs, e.g. `sms-sweep`. */
  name: string;
  /** Periods start at multiples of this since the Unix epoch: 86400 gives UTC days. */
  everySeconds: number;
  /** The work; what it answers is kept with the run. A failure is logged and retried. */
  run(): Promise<unknown>;
}

/**
 * Periodic work for the worker role, kept out of Redis so that a flush cannot forget it:
 * PostgreSQL holds the schedule (`periodic_run`), a timer in each worker only looks. At each
 * period boundary, and at start-up, every worker tries to claim the current period; the one whose
 * insert wins runs the task, so exactly one of N workers runs each period, and a period missed
 * while every worker was down runs as soon as one starts.
 */
@Injectable()
export class Periodic implements OnModuleDestroy {
  private readonly logger = new Logger(Periodic.name);
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly runs: PeriodicRunsRepository) {}

  schedule(task: PeriodicTask): void {
    if (this.timers.has(task.name)) throw new Error(`${task.name} is scheduled already`);
    this.lookIn(task, 0);
  }

  /** Before the database closes (onApplicationShutdown): stop looking, and let runs finish. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.all(this.running);
  }

  private lookIn(task: PeriodicTask, ms: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      const look = this.look(task);
      this.running.add(look);
      void look.finally(() => {
        this.running.delete(look);
        this.lookIn(task, this.untilNextPeriod(task));
      });
    }, ms);
    this.timers.set(task.name, timer);
  }

  private untilNextPeriod(task: PeriodicTask): number {
    const period = task.everySeconds * 1000;
    return Math.min(period - (Date.now() % period) + AFTER_BOUNDARY_MS, MAX_WAIT_MS);
  }

  /** Claims the current period and runs the task if this worker won it. Never throws. */
  private async look(task: PeriodicTask): Promise<void> {
    const period = task.everySeconds * 1000;
    const slot = new Date(Math.floor(Date.now() / period) * period);
    let attempt: number | null = null;
    try {
      attempt = await this.runs.claim(task.name, slot, this.worker, LEASE_SECONDS);
      if (attempt === null) return;
      const result = await task.run();
      await this.runs.finish(task.name, slot, attempt, result);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.error({ task: task.name, slot, err: message }, 'Periodic task failed');
      if (attempt !== null) {
        await this.runs.fail(task.name, slot, attempt, message).catch(() => undefined);
      }
    }
  }
}
