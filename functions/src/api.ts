import { createApp } from '@skillpass/api';
import { handle } from 'hono/aws-lambda';
import { awsApiDeps } from './aws-runtime.ts';
import { logJson } from './log.ts';

/** API Gateway (HTTP API, payload 2.0) → the same hono app the local runtime serves. */
const app = createApp(awsApiDeps());
app.use('*', async (c, next) => {
  const started = Date.now();
  await next();
  logJson('info', 'request', {
    requestId: c.req.header('x-amzn-trace-id') ?? c.req.header('x-request-id'),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Date.now() - started,
  });
});

export const handler = handle(app);
