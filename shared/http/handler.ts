import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../adapters/observability.ts';
import { routeHandler, type RouteHandlers } from './api.ts';
import type { FunctionName } from './routes.ts';

/** A function's routes as its Lambda handler: the API edge (./api.ts) in middy, with Powertools' logger context. */
export function apiHandler<F extends FunctionName>(fn: F, handlers: RouteHandlers<F>) {
  return middy(routeHandler(fn, handlers)).use(injectLambdaContext(logger, { clearState: true }));
}
