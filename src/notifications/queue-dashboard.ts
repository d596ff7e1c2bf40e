import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, MiddlewareConsumer, NestMiddleware } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Queue } from 'bull';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { Role } from '../common/auth.decorators';
import { authenticate, TokenVersions } from '../common/auth.guard';
import { answerWithProblem } from '../common/problem.filter';
import { ForbiddenError } from '../common/domain-error';
import { QueueName } from '../common/queues';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Only coordinators see the queue dashboard: a valid access token (Authorization: Bearer) with
 * role coordinator. It is Express middleware, not a Nest route, so the global guard does not
 * cover it: this does, answering 401 / 403 as problem+json (503 when the database is down).
 */
@Injectable()
export class CoordinatorTokenMiddleware implements NestMiddleware {
  constructor(
    private readonly jwt: JwtService,
    private readonly versions: TokenVersions,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const refusal = await this.refusal(req.headers.authorization);
    if (!refusal) return next();
    answerWithProblem(res, refusal);
  }

  /** Why the request may not see the dashboard, or null when it may. */
  private async refusal(header: string | undefined): Promise<Error | null> {
    try {
      const actor = await authenticate(this.jwt, this.versions, header);
      if (actor.role === Role.Coordinator) return null;
      return new ForbiddenError('role-not-allowed', 'The queue dashboard is for coordinators.');
    } catch (error) {
      return error as Error;
    }
  }
}

/**
 * bull-board over the service's queue (SMS delivery), mounted behind the coordinator check.
 * bull-board is an Express app of its own: it would announce `X-Powered-By: Express` and answer a
 * failed Redis command with 500 and ioredis's message. Its errors are handed out instead and
 * answered like the API's (503 `/problems/dependency-unavailable` when Redis or PostgreSQL is
 * down, a 500 with only an errorId otherwise).
 */
@Injectable()
export class QueueDashboard {
  constructor(@InjectQueue(QueueName.Notifications) private readonly notifications: Queue) {}

  mount(consumer: MiddlewareConsumer): void {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullAdapter(this.notifications)],
      serverAdapter: adapter,
    });
    adapter.setErrorHandler((error) => {
      throw error;
    });
    const board = adapter.getRouter() as Express;
    board.disable('x-powered-by');
    const dashboard: RequestHandler = (req, res, next) =>
      board(req, res, (error?: unknown) => (error ? answerWithProblem(res, error) : next()));
    consumer.apply(CoordinatorTokenMiddleware, dashboard).forRoutes(DASHBOARD_PATH);
  }
}
