/**
 * The baseline server of `npm run bench:load`: hono on @hono/node-server answering one small JSON body,
 * so the load test shows what the HTTP stack alone does on this machine in the same run.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/health', (c) => c.json({ status: 'ok' }));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  process.stdout.write('listening\n'),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
