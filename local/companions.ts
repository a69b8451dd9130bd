import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LocalIssuer, tokenAnswer } from './oidc.ts';
import { startTsa } from './tsa.ts';

/**
 * What a LocalStack deployment needs besides LocalStack (docker-compose.yml runs it as `companions`):
 * an OIDC issuer whose JWKS the authorizer fetches and whose tokens the smoke suite asks for, and the
 * RFC 3161 time-stamp authority the archive stamps packages with [E24], the same two the local runtime
 * serves itself. The issuer URL is the one the functions reach it by on the Docker network.
 *
 *   GET  /.well-known/jwks.json   the issuer's public key
 *   POST /token {claims}           a token for those claims (a test issuer: it signs what it is asked)
 *   POST /tsa                      application/timestamp-query → application/timestamp-reply
 *   GET  /tsa/ca.pem               the TSA root, for `openssl ts -verify -CAfile`
 */
export async function startCompanions(opts: { port: number; tsaPort: number; issuer: string; audience: string; dir: string }) {
  const issuer = new LocalIssuer(opts.issuer, opts.audience);
  const tsa = await startTsa({ dir: opts.dir, port: opts.tsaPort, host: '0.0.0.0' });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (a: { status: number; headers?: Record<string, string>; body: string }) => res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(a.body);
      if (req.method === 'GET' && req.url === '/.well-known/jwks.json') return send({ status: 200, body: JSON.stringify(issuer.jwks()) });
      if (req.method === 'POST' && req.url === '/token') return send(tokenAnswer(issuer, Buffer.concat(chunks).toString('utf8')));
      if (req.method === 'GET' && req.url === '/tsa/ca.pem') return send({ status: 200, headers: { 'content-type': 'application/x-pem-file' }, body: tsa.caPem });
      if (req.method === 'GET' && req.url === '/health') return send({ status: 200, body: JSON.stringify({ ok: true, issuer: opts.issuer, tsa: tsa.url }) });
      send({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: `no ${req.method} ${req.url}` }) });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '0.0.0.0', resolve));
  return {
    url: `http://127.0.0.1:${opts.port}`,
    tsaUrl: tsa.url,
    async stop() {
      await new Promise((r) => server.close(r));
      await tsa.stop();
    },
  };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      'tsa-port': { type: 'string', default: '8081' },
      issuer: { type: 'string', default: process.env.ZWFW_JWT_ISSUER ?? 'http://companions:8080' },
      audience: { type: 'string', default: process.env.ZWFW_JWT_AUDIENCE ?? 'zwfw-localstack' },
    },
  });
  startCompanions({ port: Number(values.port), tsaPort: Number(values['tsa-port']), issuer: values.issuer!, audience: values.audience!, dir: path.resolve('.local', 'companions', 'tsa') }).then((c) => {
    console.log(`issuer ${values.issuer} (JWKS on ${c.url}/.well-known/jwks.json, tokens by POST ${c.url}/token), TSA ${c.tsaUrl}`);
  });
}
