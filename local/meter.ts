import http from 'node:http';
import { DescribeTableCommand, DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { LocalFunction } from './lambda.ts';
import type { Templates } from './template.ts';

/**
 * What the local runtime did, in the units AWS bills (`npm run cost`): API requests by route, Lambda
 * invocations and their run time by function, DynamoDB read and write request units by table and
 * index, S3 requests by price tier and bytes written by bucket, signatures (KMS Sign on AWS). The
 * DynamoDB and S3 figures are taken on the wire, by a metering proxy in front of DynamoDB Local and
 * Ceph RGW that every handler's SDK (and every presigned PUT) goes through.
 */
export class Meter {
  api = new Map<string, number>();
  lambda = new Map<string, { invocations: number; ms: number; memoryMB: number }>();
  /** request units by `table` or `table/index` */
  rru = new Map<string, number>();
  wru = new Map<string, number>();
  /** the table's writes by the kind of item written (its sort key's first part): units as sized here, how many, their bytes */
  itemWrites = new Map<string, { units: number; writes: number; bytes: number }>();
  ddbOps = new Map<string, number>();
  /** S3 requests by kind (PUT, COPY, POST, LIST: the dearer tier; GET, HEAD: the cheaper; DELETE: free) */
  s3 = new Map<string, number>();
  s3Bytes = new Map<string, number>();
  private signedBefore = localSignatures();

  /** signatures since the last reset (KMS Sign requests on AWS) */
  get signatures(): number {
    return localSignatures() - this.signedBefore;
  }

  reset(): void {
    for (const m of [this.api, this.lambda, this.rru, this.wru, this.itemWrites, this.ddbOps, this.s3, this.s3Bytes]) m.clear();
    this.signedBefore = localSignatures();
  }
}

const add = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

// ── DynamoDB ──────────────────────────────────────────────────────────────────────────────────

type Item = Record<string, AttributeValue>;

/** DynamoDB's item size: attribute names and values in UTF-8, numbers by their digits, containers with their overhead. */
export function itemBytes(item: Item): number {
  let n = 0;
  for (const [k, v] of Object.entries(item)) n += Buffer.byteLength(k) + valueBytes(v);
  return n;
}
function valueBytes(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').replace(/^0+/, '').length / 2) + 1;
  if (v.B !== undefined) return typeof (v.B as unknown) === 'string' ? Buffer.from(v.B as unknown as string, 'base64').length : v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((a, s) => a + Buffer.byteLength(s), 0);
  if (v.NS) return v.NS.reduce((a, s) => a + Math.ceil(s.length / 2) + 1, 0);
  if (v.L) return 3 + v.L.reduce((a, x) => a + 1 + valueBytes(x), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((a, [k, x]) => a + 1 + Buffer.byteLength(k) + valueBytes(x), 0);
  return 0;
}

interface TableShape {
  keys: string[];
}

const units = (bytes: number, per: number) => Math.max(1, Math.ceil(bytes / per));

/** An item's kind: its sort key (else partition key) up to the first `#` or digit. */
function kindOf(key: Item, shape: TableShape): string {
  const k = key[shape.keys[1] ?? shape.keys[0]] ?? key[shape.keys[0]];
  return (k?.S ?? '?').split(/[#\d]/)[0] || (key[shape.keys[0]]?.S ?? '?').split(/[#\d]/)[0];
}

const CAPACITY_OPS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems']);

interface WrittenKey {
  table: string;
  key: Item;
  /** the item as the request gives it (a put), to size a refused write by */
  item?: Item;
}

function writtenKeys(op: string, body: any, shapes: Map<string, TableShape>): WrittenKey[] {
  const keyOf = (table: string, item: Item) => Object.fromEntries((shapes.get(table)?.keys ?? []).map((k) => [k, item[k]]));
  if (op === 'PutItem') return [{ table: body.TableName, key: keyOf(body.TableName, body.Item), item: body.Item }];
  if (op === 'UpdateItem' || op === 'DeleteItem') return [{ table: body.TableName, key: body.Key }];
  if (op === 'BatchWriteItem')
    return Object.entries<any[]>(body.RequestItems ?? {}).flatMap(([table, reqs]) => reqs.map((r) => (r.PutRequest ? { table, key: keyOf(table, r.PutRequest.Item), item: r.PutRequest.Item } : { table, key: r.DeleteRequest.Key })));
  if (op === 'TransactWriteItems')
    return (body.TransactItems ?? []).flatMap((t: any) => {
      if (t.Put) return [{ table: t.Put.TableName, key: keyOf(t.Put.TableName, t.Put.Item), item: t.Put.Item }];
      if (t.Update) return [{ table: t.Update.TableName, key: t.Update.Key }];
      if (t.Delete) return [{ table: t.Delete.TableName, key: t.Delete.Key }];
      return [];
    });
  return [];
}

/**
 * A proxy in front of DynamoDB Local that asks for the consumed capacity of every request and records
 * it as the engine reports it, for the table and for each index (DynamoDB Local charges index writes
 * as DynamoDB does: a put when an item enters an index or what it projects changes, a delete when it
 * leaves, both when its key changes, twice in a transaction). What was written is sized by kind of
 * item too, from the item as it is afterwards, to show which items the writes go to.
 */
export async function meterDynamoDb(upstream: string, meter: Meter, region: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const direct = new DynamoDBClient({ endpoint: upstream, region, credentials });
  const shapes = new Map<string, TableShape>();
  const shapeOf = async (table: string): Promise<TableShape> => {
    let s = shapes.get(table);
    if (!s) {
      s = { keys: (await direct.send(new DescribeTableCommand({ TableName: table }))).Table!.KeySchema!.map((k) => k.AttributeName!) };
      shapes.set(table, s);
    }
    return s;
  };

  const server = await proxy(upstream, async (req, body, forward) => {
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (!CAPACITY_OPS.has(op)) return forward(body);
    add(meter.ddbOps, op);
    const parsed = JSON.parse(body.toString('utf8'));
    parsed.ReturnConsumedCapacity = 'INDEXES';
    const tables = op === 'BatchWriteItem' || op === 'BatchGetItem' ? Object.keys(parsed.RequestItems ?? {}) : op.startsWith('Transact') ? (parsed.TransactItems ?? []).map((t: any) => Object.values<any>(t)[0]?.TableName) : [parsed.TableName];
    for (const t of new Set<string>(tables.filter(Boolean))) await shapeOf(t);
    const res = await forward(Buffer.from(JSON.stringify(parsed)));
    const answer = res.body.length ? JSON.parse(res.body.toString('utf8')) : {};
    const reads = op.includes('Get') || op === 'Query' || op === 'Scan';
    const writes = writtenKeys(op, parsed, shapes);
    if (res.status === 200) {
      for (const c of [answer.ConsumedCapacity ?? []].flat()) {
        // the table's own units; the total only when the engine gives no breakdown (else the indexes' would count twice)
        const byIndex = c.GlobalSecondaryIndexes || c.LocalSecondaryIndexes;
        add(reads ? meter.rru : meter.wru, c.TableName, c.Table?.CapacityUnits ?? (byIndex ? 0 : (c.CapacityUnits ?? 0)));
        for (const [index, u] of Object.entries<{ CapacityUnits?: number }>({ ...c.GlobalSecondaryIndexes, ...c.LocalSecondaryIndexes })) add(reads ? meter.rru : meter.wru, `${c.TableName}/${index}`, u.CapacityUnits ?? 0);
      }
      for (const w of writes) {
        const after = (await direct.send(new GetItemCommand({ TableName: w.table, Key: w.key, ConsistentRead: true }))).Item;
        const kind = `${w.table.replace(/[0-9A-F]{8}$/, '')} ${kindOf(w.key, shapes.get(w.table)!)}`;
        const size = after ? itemBytes(after) : itemBytes(w.key);
        const e = meter.itemWrites.get(kind) ?? { units: 0, writes: 0, bytes: 0 };
        e.units += units(size, 1024) * (op === 'TransactWriteItems' ? 2 : 1);
        e.writes++;
        e.bytes += size;
        meter.itemWrites.set(kind, e);
      }
    } else if (writes.length && /ConditionalCheckFailed|TransactionCanceled/.test(String(answer.__type))) {
      // a write refused by its condition (or a transaction cancelled by one) is charged as a write of the item it addressed
      for (const w of writes) add(meter.wru, w.table, units(itemBytes(w.item ?? w.key), 1024) * (op === 'TransactWriteItems' ? 2 : 1));
    }
    // the SDK checks a CRC of the body it receives: the answer goes on as DynamoDB Local gave it, with
    // the consumed capacity the handler did not ask for left in (the SDK passes over what it did not ask for)
    return res;
  });
  return {
    ...server,
    stop: async () => {
      direct.destroy();
      await server.stop();
    },
  };
}

// ── S3 ────────────────────────────────────────────────────────────────────────────────────────

/** The price tier of an S3 request, from its method, path (path-style) and query. */
export function s3Kind(method: string, url: string, headers: http.IncomingHttpHeaders): string {
  const u = new URL(url, 'http://s3');
  const [, bucket, ...key] = u.pathname.split('/');
  const objectLevel = key.join('/') !== '';
  if (method === 'PUT') return headers['x-amz-copy-source'] ? 'COPY' : objectLevel ? 'PUT' : 'PUT (bucket)';
  if (method === 'POST') return 'POST';
  if (method === 'GET') return objectLevel ? 'GET' : bucket ? 'LIST' : 'LIST';
  if (method === 'HEAD') return 'HEAD';
  if (method === 'DELETE') return 'DELETE';
  return method;
}

/** A proxy in front of the RGW that counts every S3 request and the bytes written, by bucket. */
export function meterS3(upstream: string, meter: Meter) {
  return proxy(upstream, async (req, body, forward) => {
    const kind = s3Kind(req.method ?? 'GET', req.url ?? '/', req.headers);
    add(meter.s3, kind);
    const bucket = new URL(req.url ?? '/', 'http://s3').pathname.split('/')[1] ?? '';
    if (kind === 'PUT') add(meter.s3Bytes, bucket, body.length);
    return forward(body);
  });
}

// ── the proxy ─────────────────────────────────────────────────────────────────────────────────

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain HTTP proxy that hands each request, whole, to `handle`; the Host header is kept, so SigV4 still verifies. */
async function proxy(upstream: string, handle: (req: http.IncomingMessage, body: Buffer, forward: (body: Buffer) => Promise<Upstream>) => Promise<Upstream>) {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = (body: Buffer) =>
        new Promise<Upstream>((resolve, reject) => {
          const headers = { ...req.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (r) => {
            const out: Buffer[] = [];
            r.on('data', (c: Buffer) => out.push(c));
            r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(out) }));
            r.on('error', reject);
          });
          up.on('error', reject);
          up.end(body);
        });
      handle(req, Buffer.concat(chunks), forward).then(
        (r) => {
          const headers = { ...r.headers };
          delete headers['transfer-encoding'];
          // a HEAD's content-length is the object's, not this empty body's
          if (req.method !== 'HEAD') headers['content-length'] = String(r.body.length);
          res.writeHead(r.status, headers).end(req.method === 'HEAD' ? undefined : r.body);
        },
        (err: Error) => res.writeHead(502, { 'content-type': 'text/plain' }).end(`meter proxy: ${err.message}`),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ── Lambda ────────────────────────────────────────────────────────────────────────────────────

/** Every function's invocations and run time, at the memory size the template gives it. */
export function meterFunctions(t: Templates, functions: Map<string, LocalFunction>, meter: Meter): void {
  const memory = new Map(t.ofType('AWS::Lambda::Function').map((r) => [r.logicalId, Number(r.Properties.MemorySize ?? 128)]));
  for (const f of functions.values()) {
    const invoke = f.invoke.bind(f);
    const memoryMB = memory.get(f.logicalId) ?? 128;
    f.invoke = async (event: unknown) => {
      const t0 = performance.now();
      try {
        return await invoke(event);
      } finally {
        const m = meter.lambda.get(f.name) ?? { invocations: 0, ms: 0, memoryMB };
        m.invocations++;
        // Lambda bills whole milliseconds
        m.ms += Math.ceil(performance.now() - t0);
        meter.lambda.set(f.name, m);
      }
    };
  }
}

/** The signatures the local signer made (KMS Sign requests on AWS), counted by shared/adapters/kms/signer.ts. */
export function localSignatures(): number {
  return (globalThis as { __zwfwLocalSignatures?: { count: number } }).__zwfwLocalSignatures?.count ?? 0;
}
