import { createApp } from '@skillpass/api/app';
import type { MiddlewareHandler } from 'hono';
import { handle } from 'hono/aws-lambda';
import { awsLazyApiDeps } from './aws-api.ts';
import { logJson } from './log.ts';

type LambdaBindings = {
  Bindings: { event?: { requestContext?: { requestId?: string } }; lambdaContext?: { awsRequestId?: string } };
};

/**
 * One JSON line per request. `requestId` is API Gateway's (the access log's `requestId`), `awsRequestId`
 * the invocation's, so a request can be followed from the access log into the function's log.
 */
const requestLog: MiddlewareHandler<LambdaBindings> = async (c, next) => {
  const started = Date.now();
  await next();
  logJson('info', 'request', {
    requestId: c.env?.event?.requestContext?.requestId,
    awsRequestId: c.env?.lambdaContext?.awsRequestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Date.now() - started,
  });
};

/** API Gateway (HTTP API, payload 2.0) → the same hono app the local runtime serves. */
export const handler = handle(createApp(awsLazyApiDeps(), { middleware: [requestLog] }));
