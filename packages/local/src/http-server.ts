import { createServer } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use. Stop what is using it, or choose another port: PORT=${port + 1} npm start`);
  }
}

function portError(error: unknown, port: number): unknown {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUseError(port) : error;
}

/** Fails with PortInUseError when `port` is taken: checked before the slow start-up, so the user hears it first. */
export function assertPortFree(port: number, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(portError(error, port)));
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}

/** Serves `fetch` over HTTP/1.1 as `npm start` does; resolves once listening (port 0 picks a free one). */
export function listenHttp(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; hostname: string },
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port, hostname: options.hostname }, () => resolve(server));
    server.once('error', (error) => reject(portError(error, options.port)));
  });
}
