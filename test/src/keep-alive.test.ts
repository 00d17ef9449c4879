import type { AddressInfo } from 'node:net';
import { Agent, request } from 'node:http';
import { listenHttp } from '@skillpass/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
let server: Awaited<ReturnType<typeof listenHttp>>;
let port: number;
beforeAll(async () => {
  rt = await startTestRuntime();
  server = await listenHttp(rt.app.fetch, { port: 0, hostname: '127.0.0.1' });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rt.close();
});

interface Outcome {
  status: number;
  reusedSocket: boolean;
}

function send(agent: Agent, method: string, path: string, token: string, body?: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body !== undefined)
      Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the local HTTP server keeps a keep-alive connection usable after a 413', () => {
  it('answers every request on one pooled connection, before and after bodies that are too large', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const token = await rt.token('g-keepalive', 'graduate');
    const profile = JSON.stringify({ displayName: 'Mei', contactEmail: 'mei@example.com' });
    const huge = JSON.stringify({ displayName: 'x'.repeat(300 * 1024), contactEmail: 'mei@example.com' });
    const outcomes: Outcome[] = [];
    try {
      outcomes.push(await send(agent, 'PUT', '/v1/profiles/me', token, huge));
      outcomes.push(await send(agent, 'PUT', '/v1/profiles/me', token, profile));
      outcomes.push(await send(agent, 'GET', '/v1/profiles/me', token));
      outcomes.push(await send(agent, 'PUT', '/v1/profiles/me', token, huge));
      outcomes.push(await send(agent, 'GET', '/v1/profiles/me', token));
      outcomes.push(await send(agent, 'GET', '/v1/profiles/me', token));
    } finally {
      agent.destroy();
    }
    expect(outcomes.map((o) => o.status)).toEqual([413, 201, 200, 413, 200, 200]);
    // The same socket throughout: the server never closed it.
    expect(outcomes.slice(1).every((o) => o.reusedSocket)).toBe(true);
  });
});
