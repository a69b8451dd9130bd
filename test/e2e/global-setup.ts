import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Starts the local platform exactly as `npm start` does (its own process, real engines) and waits for
 * it to write its endpoints; the tests then talk to it over HTTP and the AWS SDK.
 */
const ROOT = path.resolve(__dirname, '..', '..');
export const E2E_DIR = path.join(ROOT, '.local', 'e2e');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  // a developer's loop: E2E_ENDPOINTS=.local/dev/endpoints.json reuses a platform already running
  if (process.env.E2E_ENDPOINTS) {
    process.env.E2E_ENDPOINTS = path.resolve(process.env.E2E_ENDPOINTS);
    return;
  }
  fs.rmSync(E2E_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const port = await freePort();
  const logFile = path.join(E2E_DIR, 'platform.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'local', 'start.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOCAL_DIR: E2E_DIR },
    stdio: ['ignore', out, out],
    detached: true,
  });
  (globalThis as any).__PLATFORM__ = child;
  // the child has its own copy of the log descriptor; and the teardown, not this handle, ends it,
  // so neither keeps Jest's process alive after the run
  fs.closeSync(out);
  child.unref();
  const endpoints = path.join(E2E_DIR, 'endpoints.json');
  const started = Date.now();
  while (!fs.existsSync(endpoints)) {
    if (child.exitCode !== null) throw new Error(`the local platform exited (${child.exitCode}):\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
    if (Date.now() - started > 180_000) throw new Error(`the local platform did not start in 180 s:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  process.env.E2E_ENDPOINTS = endpoints;
  console.log(`\nlocal platform up in ${Date.now() - started} ms on port ${port}`);
}
