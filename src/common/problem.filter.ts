import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import {
  DEPENDENCY_RETRY_AFTER_SECONDS,
  DependencyUnavailableError,
  isRedisUnavailable,
} from './dependency-unavailable';
import { isPostgresUnavailable } from './pg-errors';
import { PROBLEM_CONTENT_TYPE, Problem, toProblem } from './problem';

/** A Redis or PostgreSQL outage is the client's cue to retry, not our bug: 503 rather than 500. */
function unavailableAsProblem(error: unknown): unknown {
  if (isRedisUnavailable(error)) return new DependencyUnavailableError(['redis']);
  if (isPostgresUnavailable(error)) return new DependencyUnavailableError(['database']);
  return error;
}

function send(res: Response, problem: Problem): void {
  // The seconds until the block lifts, when the error knows them (login limits).
  if (typeof problem.retryAfter === 'number')
    res.setHeader('Retry-After', String(problem.retryAfter));
  else if (problem.status === 429) res.setHeader('Retry-After', '60');
  else if (problem.status === 503)
    res.setHeader('Retry-After', String(DEPENDENCY_RETRY_AFTER_SECONDS));
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Answers an error as problem+json, the filter's way; also used where no Nest filter reaches. */
export function answerWithProblem(res: Response, error: unknown): Problem {
  const problem = toProblem(unavailableAsProblem(error));
  send(res, problem);
  return problem;
}

/** The single global exception filter: every error leaves the API as problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    answerWithProblem(res, error);
  }
}
