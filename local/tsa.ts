import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * An RFC 3161 time-stamp authority for the local runtime [E24]: OpenSSL's own `ts -reply` behind an
 * HTTP endpoint (POST application/timestamp-query → application/timestamp-reply), with a TSA
 * certificate (extendedKeyUsage critical timeStamping) issued by a local TSA root made at start. On AWS
 * the deployment names its TSA (`-c tsaUrl=…`); locally this stands in for it, speaking the same protocol.
 */
export interface LocalTsa {
  url: string;
  /** the TSA root and the TSA's own certificate, PEM: what `openssl ts -verify -CAfile` needs */
  caPem: string;
  certPem: string;
  stop(): Promise<void>;
}

const CONFIG = (dir: string) => `
[tsa]
default_tsa = tsa_config
[tsa_config]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.156.112562.3.1
other_policies = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export async function startTsa(opts: { dir: string; port: number; /** 0.0.0.0 where other containers reach it (local/companions.ts) */ host?: string }): Promise<LocalTsa> {
  const dir = path.resolve(opts.dir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const ssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-subj', '/C=CN/O=陕西政务服务网 本地/CN=Local TSA Root', '-utf8', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign', '-out', 'ca.pem']);
  await ssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'tsa.key', '-subj', '/C=CN/O=陕西政务服务网 本地/CN=Local Time-Stamp Authority', '-utf8', '-out', 'tsa.csr']);
  fs.writeFileSync(path.join(dir, 'tsa.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  await ssl(['x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '3650', '-extfile', 'tsa.ext', '-out', 'tsa.pem']);
  fs.writeFileSync(path.join(dir, 'serial'), '01\n');
  fs.writeFileSync(path.join(dir, 'tsa.cnf'), CONFIG(dir));

  // `openssl ts` keeps its serial in a file: one reply at a time
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;
  const reply = (query: Buffer) => {
    const job = queue.then(async () => {
      const id = ++n;
      const q = path.join(dir, `q${id}.tsq`);
      const r = path.join(dir, `r${id}.tsr`);
      fs.writeFileSync(q, query);
      try {
        await ssl(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', q, '-out', r]);
        return fs.readFileSync(r);
      } finally {
        fs.rmSync(q, { force: true });
        fs.rmSync(r, { force: true });
      }
    });
    queue = job.catch(() => undefined);
    return job;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(400).end('POST application/timestamp-query');
        return;
      }
      reply(Buffer.concat(chunks)).then(
        (body) => res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': body.length }).end(body),
        (err) => res.writeHead(500).end(String(err)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${opts.port}/tsa`,
    caPem: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    certPem: fs.readFileSync(path.join(dir, 'tsa.pem'), 'utf8'),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
