/**
 * The local S3 with Object Lock: a one-node Ceph cluster (one monitor, one `memstore` OSD) and the
 * RADOS Gateway, booted from nothing under a folder of ours, without systemd and without Docker.
 *
 * Why Ceph and not s3rver: s3rver accepts Object Lock headers and silently drops them, and we must be
 * able to prove that a locked version cannot be deleted (see ../shared/LOCAL-ENGINES.md, "S3 with
 * Object Lock"). Everything lives in RAM (memstore), so `opts.dir` is wiped at every start.
 *
 * Settings that are load-bearing:
 * - `ms mon client mode = crc secure`: with `auth … = none`, radosgw's default "secure crc" mon
 *   client mode fails auth (-13, seen) and RGW retries for `rgw_init_timeout` (300 s) before giving up.
 * - `paxos propose interval = 0.01`: every osdmap change (OSD in, OSD up, each of RGW's ~7 pools) is
 *   one Paxos round, 1 s apart by default. With it, boot drops from ~12 s to under a second (seen).
 * - radosgw is started only once the OSD is up (see step 3 below): ~5.5 s otherwise (seen).
 * - pool size 1 / min size 1, `osd crush chooseleaf type = 0`, `mon allow pool size one`: a single
 *   OSD must be enough for every PG to go active.
 * - every path (`log file`, `mon cluster log file`, `crash dir`, asok, pid, data) under `opts.dir`:
 *   Ceph's defaults write to /var/log/ceph, /var/lib/ceph and /var/run/ceph.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { constants as fsConstants, openSync, closeSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';

/** Fixed credentials of the local S3 user (RGW checks SigV4 against them; they guard nothing real). */
export const RGW_ACCESS_KEY_ID = 'LOCALACCESSKEY000000';
export const RGW_SECRET_ACCESS_KEY = 'LocalSecretKey00000000000000000000000000';
/** RGW ignores the region in the SigV4 scope; us-east-1 keeps the SDK from sending a LocationConstraint. */
export const RGW_REGION = 'us-east-1';
export const RGW_USER_ID = 'local';

export interface RgwEngine {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
  /** Milliseconds from startRgw() until ListBuckets succeeded. */
  bootMs: number;
  /** The long-running daemons (mon, osd, radosgw) with their pids, e.g. to read their memory. */
  processes: { name: string; pid: number }[];
  /** The folder everything lives in (ceph.conf, log/, run/, mon/, osd/). */
  dir: string;
}

export interface RgwOptions {
  dir: string;
  port?: number;
  log?: (line: string) => void;
  /** Give up (and kill everything) after this long. @default 90_000 */
  bootTimeoutMs?: number;
}

const CEPH_PACKAGES = ['radosgw', 'ceph-mon', 'ceph-osd'];
/** The binaries we run (ceph-common and ceph-base come in as dependencies of the three packages). */
const CEPH_BINARIES = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool', 'ceph'] as const;
type CephBinary = (typeof CEPH_BINARIES)[number];
const INSTALL_COMMAND =
  'sudo apt-get update && sudo apt-get install -y --no-install-recommends ' + CEPH_PACKAGES.join(' ');

async function findExecutable(name: string): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/bin', '/sbin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = path.join(d, name);
    try {
      const st = await fs.stat(p);
      if (!st.isFile()) continue;
      await fs.access(p, fsConstants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

async function findCephBinaries(): Promise<{ found: Partial<Record<CephBinary, string>>; missing: CephBinary[] }> {
  const found: Partial<Record<CephBinary, string>> = {};
  const missing: CephBinary[] = [];
  for (const b of CEPH_BINARIES) {
    const p = await findExecutable(b);
    if (p) found[b] = p;
    else missing.push(b);
  }
  return { found, missing };
}

function runStreaming(cmd: string, args: string[], log: (l: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const forward = (buf: Buffer) => {
      for (const line of buf.toString().split('\n')) if (line.trim()) log(`  ${line}`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('exit', (code, sig) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${sig ?? `exit ${code}`})`)),
    );
  });
}

/**
 * Throws an Error whose message is the ONE shell command to run when the ceph packages are missing and
 * we are not root; when root and missing, installs them itself, printing progress via log.
 */
export async function ensureCephInstalled(log: (l: string) => void = () => {}): Promise<void> {
  const { missing } = await findCephBinaries();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(INSTALL_COMMAND);
  log(`ceph: missing ${missing.join(', ')}; installing ${CEPH_PACKAGES.join(' ')} with apt-get (~60 MB)`);
  const t0 = Date.now();
  await runStreaming('apt-get', ['update'], log);
  await runStreaming('apt-get', ['install', '-y', '--no-install-recommends', ...CEPH_PACKAGES], log);
  const after = await findCephBinaries();
  if (after.missing.length > 0) {
    throw new Error(`apt-get installed ${CEPH_PACKAGES.join(' ')} but ${after.missing.join(', ')} is still missing`);
  }
  log(`ceph: installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * A free TCP port on 127.0.0.1: the kernel picks one (port 0) and we release it for the daemon to bind.
 * With a port given, checks that it is free, so a taken port fails at once with a clear message.
 */
function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`rgw: port ${port} on 127.0.0.1 is already in use`) : err),
    );
    srv.listen(port, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function execCapture(
  file: string,
  args: string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, signal }, (err, stdout, stderr) => {
      if (err) {
        // Ceph prints whole backtraces on an assert: the head says what failed, keep that.
        const out = (stderr || stdout).split('\n').filter(Boolean).slice(0, 12).join('\n');
        reject(new Error(`${path.basename(file)} ${args.join(' ')} failed (${err.code ?? err.signal ?? 'error'}):\n${out}`));
      } else resolve({ stdout, stderr });
    });
  });
}

async function tail(file: string, lines = 30): Promise<string> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return text.split('\n').filter(Boolean).slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---- children that must not outlive this Node process ------------------------------------------------

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL is all we can do here. Data is RAM-only anyway.
  process.on('exit', () => {
    for (const c of live) {
      try {
        c.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

/**
 * A detached shell that SIGKILLs the daemons when its stdin closes, i.e. when this Node process dies in
 * any way, including SIGKILL or a signal with no handler (cases where 'exit' handlers never run).
 */
function startWatchdog(): ChildProcess {
  const script = 'pids=; while read -r p; do pids="$pids $p"; done; [ -n "$pids" ] && kill -9 $pids 2>/dev/null; exit 0';
  const wd = spawn('/bin/sh', ['-c', script], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  wd.unref();
  (wd.stdin as unknown as net.Socket).unref?.();
  return wd;
}

interface Daemon {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<void>;
  exitInfo?: string;
}

// ---- the cluster -----------------------------------------------------------------------------------

const CONF_MARKER = '# Generated by local/engines/rgw.ts';

/** We wipe opts.dir at every start: only when it is missing, empty, or one of ours (has our ceph.conf). */
async function assertOursToWipe(dir: string): Promise<void> {
  if (path.parse(dir).root === dir) throw new Error(`rgw: refusing to use a filesystem root as its folder (${dir})`);
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  if (entries.length === 0) return;
  const conf = await fs.readFile(path.join(dir, 'ceph.conf'), 'utf8').catch(() => '');
  if (!conf.startsWith(CONF_MARKER)) {
    throw new Error(`rgw: ${dir} is not empty and was not made by rgw.ts; refusing to wipe it (pick another folder)`);
  }
}

function cephConf(dir: string, fsid: string, monPort: number, rgwPort: number): string {
  const d = (p: string) => path.join(dir, p);
  return `${CONF_MARKER}; one-node Ceph for tests. Wiped at every start.
[global]
fsid = ${fsid}
mon host = [v2:127.0.0.1:${monPort}]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
ms bind msgr1 = false
ms mon client mode = crc secure
auth cluster required = none
auth service required = none
auth client required = none
run dir = ${d('run')}
pid file = ${d('run')}/$name.pid
admin socket = ${d('run')}/$name.asok
log file = ${d('log')}/$name.log
crash dir = ${d('crash')}
mon data = ${d('mon')}/$cluster-$id
mon cluster log file = ${d('log')}/cluster.log
mon debug dump location = ${d('log')}/$name.tdump
mon data avail warn = 0
mon data avail crit = 0
mon warn on pool no redundancy = false
mon allow pool size one = true
mon allow pool delete = true
mon max pg per osd = 1000
paxos propose interval = 0.01
paxos min wait = 0.001
osd data = ${d('osd')}/$cluster-$id
osd journal = ${d('osd')}/$cluster-$id/journal
osd objectstore = memstore
memstore device bytes = 2147483648
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mgr data = ${d('mgr')}/$cluster-$id
mds data = ${d('mds')}/$cluster-$id
rgw data = ${d('rgw')}/$cluster-$id

[client]
# several CLI calls may run at once: one admin socket each
admin socket = ${d('run')}/$name.$pid.asok

[client.rgw.local]
ms mon client mode = crc secure
# tcp_nodelay: without it beast writes a response's headers and body apart, and the client's delayed ACK
# holds every small GET ~40 ms (a 1 kB GET took 48 ms, 4.8 ms with it: bench:archive)
rgw frontends = beast endpoint=127.0.0.1:${rgwPort} tcp_nodelay=1
`;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

async function httpUp(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Boots mon + memstore OSD + radosgw under `opts.dir` (wiped first), creates the S3 user with the fixed
 * RGW_* credentials, and resolves once a signed ListBuckets succeeds (~0.8 s here). Installs the ceph
 * packages first when they are missing and we are root (see ensureCephInstalled).
 */
export async function startRgw(opts: RgwOptions): Promise<RgwEngine> {
  const log = opts.log ?? (() => {});
  const timeoutMs = opts.bootTimeoutMs ?? 90_000;
  const t0 = Date.now();
  const deadline = t0 + timeoutMs;
  const since = () => `${((Date.now() - t0) / 1000).toFixed(2)} s`;

  await ensureCephInstalled(log);
  const { found } = await findCephBinaries();
  const bin = found as Record<CephBinary, string>;

  const dir = path.resolve(opts.dir);
  if (/[\s$#;]/.test(dir)) throw new Error(`rgw: the folder path must not contain spaces, $, # or ; (${dir})`);
  await assertOursToWipe(dir);
  await fs.rm(dir, { recursive: true, force: true });
  // osd/ceph-0 must exist before mkfs: MemStore writes its fsid file there (else ceph_assert in set_fsid)
  for (const sub of ['run', 'log', 'mon', 'osd/ceph-0', 'crash']) {
    await fs.mkdir(path.join(dir, sub), { recursive: true });
  }

  const monPort = await freePort();
  const rgwPort = await freePort(opts.port ?? 0);
  const fsid = randomUUID();
  const conf = path.join(dir, 'ceph.conf');
  await fs.writeFile(conf, cephConf(dir, fsid, monPort, rgwPort));
  const endpoint = `http://127.0.0.1:${rgwPort}`;

  installExitHook();
  const watchdog = startWatchdog();
  const daemons: Daemon[] = [];
  /** The first daemon that exited on its own (boot loops check it to fail fast). */
  let dead: Daemon | undefined;

  const spawnDaemon = (name: string, file: string, args: string[]): Daemon => {
    // stdout/stderr go to a file of ours, not a pipe: nothing to drain, and the daemons keep writing
    // even if nobody reads them.
    const outFile = path.join(dir, 'log', `${name}.stdout`);
    const fd = openSync(outFile, 'a');
    const child = spawn(file, ['-f', '-c', conf, ...args], { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    // The engine must not by itself keep Node alive; the exit hook and the watchdog kill it.
    child.unref();
    live.add(child);
    if (child.pid) watchdog.stdin?.write(`${child.pid}\n`);
    const d: Daemon = {
      name,
      child,
      logFile: path.join(dir, 'log', `${name}.log`),
      exited: new Promise<void>((resolve) => {
        child.on('exit', (code, sig) => {
          live.delete(child);
          d.exitInfo = sig ?? `exit ${code}`;
          dead ??= d;
          resolve();
        });
        child.on('error', (err) => {
          live.delete(child);
          d.exitInfo = err.message;
          resolve();
        });
      }),
    };
    daemons.push(d);
    return d;
  };

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // SIGKILL, not SIGTERM: a memstore OSD would first serialise all of RAM to disk, and an OSD whose
    // monitor is already gone waits for it before exiting. The data is throwaway by design.
    for (const d of daemons) {
      d.child.ref(); // keep Node alive until we have seen them exit
      if (d.exitInfo === undefined) d.child.kill('SIGKILL');
    }
    await Promise.all(daemons.map((d) => d.exited));
    watchdog.kill('SIGKILL');
  };

  // Aborted on failure: kills a CLI call (ceph, radosgw-admin) still waiting for a dead monitor.
  const bootAbort = new AbortController();
  const failure = async (why: string, focus?: Daemon): Promise<Error> => {
    bootAbort.abort();
    const parts = [`rgw: ${why} (after ${since()}; folder ${dir})`];
    const order = focus ? [focus, ...daemons.filter((d) => d !== focus)] : [...daemons].reverse();
    for (const [i, d] of order.entries()) {
      parts.push(`--- ${d.name} (${d.exitInfo ?? 'running'}) ${d.logFile}, last lines:`);
      parts.push(await tail(d.logFile, i === 0 ? 40 : 10));
      const out = await tail(path.join(dir, 'log', `${d.name}.stdout`), 5);
      if (out !== '(no log)' && out) parts.push(`--- ${d.name} stdout/stderr:\n${out}`);
    }
    await stop();
    return new Error(parts.join('\n'));
  };

  /** Settles as soon as any daemon dies, so a crash fails fast instead of after the timeout. */
  const anyDeath = (): Promise<Daemon> =>
    Promise.race(daemons.map((d) => d.exited.then(() => d)));

  /** A CLI step that fails fast when a daemon dies meanwhile (e.g. the monitor could not bind its port). */
  const step = async <T>(work: Promise<T>): Promise<T> => {
    work.catch(() => {}); // if a death wins the race, the aborted call's rejection is expected
    const r = await Promise.race([work.then((v) => ({ v })), anyDeath().then((d) => ({ d }))]);
    if ('d' in r) throw await failure(`${r.d.name} exited (${r.d.exitInfo}) during boot`, r.d);
    return r.v;
  };

  const timings: string[] = [];
  const mark = (what: string) => timings.push(`${what} ${since()}`);

  try {
    // 1. monitor
    const monmap = path.join(dir, 'monmap');
    await execCapture(bin.monmaptool, ['--create', '--fsid', fsid, '--addv', 'a', `[v2:127.0.0.1:${monPort}]`, monmap], 30_000);
    await execCapture(bin['ceph-mon'], ['-c', conf, '--mkfs', '-i', 'a', '--monmap', monmap], 30_000);
    spawnDaemon('mon.a', bin['ceph-mon'], ['-i', 'a']);
    mark('mon');

    // 2. OSD: register id 0 with the monitor while mkfs writes the (tiny) memstore superblock.
    const osdUuid = randomUUID();
    const cli = Math.max(5, Math.round((deadline - Date.now()) / 1000));
    const [created] = await step(
      Promise.all([
        execCapture(bin.ceph, ['-c', conf, '--connect-timeout', String(cli), 'osd', 'create', osdUuid, '0'], cli * 1000 + 5000, bootAbort.signal),
        execCapture(bin['ceph-osd'], ['-c', conf, '-i', '0', '--mkfs', '--osd-uuid', osdUuid], 30_000, bootAbort.signal),
      ]),
    );
    if (created.stdout.trim() !== '0') throw await failure(`"ceph osd create" returned id ${created.stdout.trim()}, expected 0`);
    const osd = spawnDaemon('osd.0', bin['ceph-osd'], ['-i', '0']);

    // 3. Start RGW only once the OSD is up. Started earlier, RGW creates .rgw.root while no OSD is in
    // the CRUSH map, its ops then wait for the objecter's 5 s tick, and boot takes ~5.5 s instead of <1 s.
    // The OSD logs "state: booting -> active" (debug osd 1, the default) when it is up; we read the
    // log instead of running `ceph osd stat` in a loop (each call is a ~150 ms Python start).
    const osdUpBy = Math.min(deadline, Date.now() + 15_000);
    for (;;) {
      const text = await fs.readFile(osd.logFile, 'utf8').catch(() => '');
      if (text.includes('state: booting -> active')) break;
      if (dead) throw await failure(`${dead.name} exited (${dead.exitInfo}) during boot`, dead);
      if (Date.now() > osdUpBy) {
        log('rgw: osd.0 has not logged "booting -> active" yet; starting radosgw anyway');
        break;
      }
      await sleep(20);
    }
    mark('osd');
    const rgw = spawnDaemon('client.rgw.local', bin.radosgw, ['-n', 'client.rgw.local']);

    // 4. RGW's beast frontend listens only once init is done (pools created, zone written).
    while (!(await httpUp(`${endpoint}/`))) {
      if (dead) throw await failure(`${dead.name} exited (${dead.exitInfo}) during boot`, dead);
      if (Date.now() > deadline) throw await failure(`RGW did not answer on ${endpoint} within ${timeoutMs / 1000} s`, rgw);
      await sleep(50);
    }
    mark('rgw');

    // 5. The S3 user. After RGW init, so the two do not race to create the default zone.
    await step(
      execCapture(
        bin['radosgw-admin'],
        ['-c', conf, 'user', 'create', `--uid=${RGW_USER_ID}`, '--display-name=Local S3 user',
          `--access-key=${RGW_ACCESS_KEY_ID}`, `--secret-key=${RGW_SECRET_ACCESS_KEY}`],
        Math.max(5000, deadline - Date.now()),
        bootAbort.signal,
      ),
    );
    mark('user');

    // 6. Ready when a signed S3 call works.
    const s3 = new S3Client({
      endpoint,
      region: RGW_REGION,
      credentials: { accessKeyId: RGW_ACCESS_KEY_ID, secretAccessKey: RGW_SECRET_ACCESS_KEY },
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 1,
    });
    try {
      let lastErr: unknown;
      for (;;) {
        try {
          await s3.send(new ListBucketsCommand({}), { abortSignal: AbortSignal.timeout(2000) });
          break;
        } catch (err) {
          lastErr = err;
        }
        if (dead) throw await failure(`${dead.name} exited (${dead.exitInfo}) during boot`, dead);
        if (Date.now() > deadline) {
          throw await failure(`ListBuckets still fails after ${timeoutMs / 1000} s: ${String(lastErr)}`, rgw);
        }
        await sleep(50);
      }
    } finally {
      s3.destroy();
    }
    mark('s3');
  } catch (err) {
    if (!stopped) {
      // An unexpected error (mkfs, CLI): attach the logs too.
      throw await failure(err instanceof Error ? err.message : String(err));
    }
    throw err;
  }

  const bootMs = Date.now() - t0;
  log(`rgw: S3 on ${endpoint} ready in ${(bootMs / 1000).toFixed(2)} s (${timings.join(', ')}); folder ${dir}`);

  return {
    endpoint,
    region: RGW_REGION,
    accessKeyId: RGW_ACCESS_KEY_ID,
    secretAccessKey: RGW_SECRET_ACCESS_KEY,
    stop,
    bootMs,
    processes: daemons.map((d) => ({ name: d.name, pid: d.child.pid ?? -1 })),
    dir,
  };
}
