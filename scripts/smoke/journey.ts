import { createHash, randomUUID } from 'node:crypto';
import { DeleteObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createClient, type paths } from '@zwfw/client';
import { minimalPdf } from '../../test/support/minimal-pdf.ts';
import { SMOKE_ROLES, SmokeSetupError, type SmokeRole, type SmokeTarget } from './target.ts';

/** The disability subsidies of 雁塔区: filed online, reviewed in parallel by the 残联 and the 民政局 (分头办理) [N14]. */
export const SMOKE_MATTER = '000540001000-610113-CL';

export class SmokeFailure extends Error {}

export interface Step {
  name: string;
  ms: number;
  detail?: string;
}

export interface JourneyOptions {
  matterCode?: string;
  /** how long to wait for the asynchronous stages (forwarding, unified return and archive) */
  timeoutMs?: number;
  /** called as each step ends (the CLI prints it) */
  onStep?: (s: Step) => void;
  /** the fetch every request goes through */
  fetch?: typeof fetch;
  /**
   * waits until the platform has done what a step set off (the cost meter: the local workflows idle),
   * so the journey asks once instead of polling; without it, it polls with backoff
   */
  settle?: () => Promise<void>;
  /** read the archive record and try the delete (the smoke test; a citizen's case does not include them) */
  checkArchive?: boolean;
}

export interface JourneyResult {
  caseId: string;
  steps: Step[];
  /** how many requests the apps made: to the API and, for the uploads, to S3 */
  requests: { api: number; s3: number };
  archive?: ArchiveRecord;
}

interface ArchiveRecord { bucket: string; key: string; versionId: string; mode: string; retainUntil: string }

type TaskDecision = paths['/v1/tasks/{taskId}/complete']['post']['requestBody']['content']['application/json'];

const claimsOf = (jwt: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    throw new SmokeFailure('the citizen token is not a JWT');
  }
};

/**
 * A citizen's journey through the platform, as the apps make it, on the typed client: search, the
 * guide, three uploads, filing, a correction and its answer, acceptance, the two departments' review,
 * the unified return, the archive; then the Object Lock refuses to delete the archived package. The
 * same journey is the smoke test of every target and the case the cost model counts.
 */
export async function citizenJourney(target: SmokeTarget, opts: JourneyOptions = {}): Promise<JourneyResult> {
  const matterCode = opts.matterCode ?? SMOKE_MATTER;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const counted = { api: 0, s3: 0 };
  const baseFetch = opts.fetch ?? fetch;
  const tokens = new Map<SmokeRole, string>();
  for (const role of SMOKE_ROLES)
    tokens.set(role, await target.token(role).catch((err: Error) => Promise.reject(err instanceof SmokeSetupError ? err : new SmokeSetupError(`no ${role} token: ${err.message}`))));
  const as = (role: SmokeRole) =>
    createClient({
      baseUrl: target.apiUrl,
      token: tokens.get(role),
      fetch: (input, init) => {
        counted.api++;
        return baseFetch(input, init);
      },
    });
  const citizen = as('citizen');
  const clerk = as('clerk');
  const steps: Step[] = [];
  const step = async <T>(name: string, f: () => Promise<T>, detail?: (v: T) => string): Promise<T> => {
    const t0 = performance.now();
    const v = await f();
    const s = { name, ms: performance.now() - t0, ...(detail ? { detail: detail(v) } : {}) };
    steps.push(s);
    opts.onStep?.(s);
    return v;
  };
  // the answer as the document types it (shared/http/responses.ts), or refused with what came instead
  const ok = <D>(what: string, res: { data?: D; error?: unknown; response: Response }, status = 200): NonNullable<D> => {
    if (res.response.status !== status || res.data === undefined) throw new SmokeFailure(`${what}: expected ${status}, got ${res.response.status} ${JSON.stringify(res.error ?? res.data)}`);
    return res.data as NonNullable<D>;
  };
  // an answer the document leaves untyped, read as the few fields the journey needs
  const okAs = <T>(what: string, res: { data?: unknown; error?: unknown; response: Response }, status = 200): T => ok(what, res, status) as T;
  const until = async <T>(what: string, check: () => Promise<T | undefined>): Promise<T> => {
    const end = Date.now() + timeoutMs;
    await opts.settle?.();
    for (let wait = 20; ; wait = Math.min(wait * 2, 1000)) {
      const v = await check();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new SmokeFailure(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, wait));
    }
  };

  const me = claimsOf(tokens.get('citizen')!);
  const applicant = { type: 'person' as const, name: String(me.name ?? ''), idNumber: String(me.idNumber ?? '') };
  const run = randomUUID().slice(0, 8);

  await step('search the catalog', async () => {
    const page = ok('search', await citizen.GET('/v1/matters', { params: { query: { q: '两项补贴', region: '610113' } } }));
    if (!page.items.some((m) => m.code === matterCode)) throw new SmokeFailure(`searching 两项补贴 in 610113 did not find ${matterCode}`);
  });
  await step('read the guide', async () => {
    const guide = okAs<{ materials?: unknown[] }>('guide', await citizen.GET('/v1/matters/{code}', { params: { path: { code: matterCode } } }));
    if (!guide.materials?.length) throw new SmokeFailure('the guide lists no materials');
  });

  // a form's materials are asked for in one request: a presigned PUT for each
  const upload = async (...codes: string[]) => {
    const files = codes.map((code) => ({ code, bytes: minimalPdf(`${code} smoke-${run} ${Math.random()}`) }));
    // the document's UploadLinks is either form (one link, or {uploads}); asked with files, it is the second
    const answer = okAs<{ uploads?: { url: string; headers: Record<string, string>; objectKey: string }[] }>(
      'upload',
      await citizen.POST('/v1/uploads', { body: { files: files.map((f) => ({ fileName: `${f.code}.pdf`, contentType: 'application/pdf', size: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex') })) } }),
      201,
    );
    if (answer.uploads?.length !== files.length) throw new SmokeFailure(`asked for ${files.length} upload links, got ${JSON.stringify(answer)}`);
    const u = { uploads: answer.uploads };
    return Promise.all(
      files.map(async (f, i) => {
        counted.s3++;
        const put = await baseFetch(u.uploads[i].url, { method: 'PUT', headers: u.uploads[i].headers, body: f.bytes });
        if (!put.ok) throw new SmokeFailure(`the presigned PUT answered ${put.status}`);
        return { code: f.code, objectKey: u.uploads[i].objectKey };
      }),
    );
  };
  const materials = await step('upload two materials', async () => upload('M01', 'M02'));

  const caseId = await step(
    'file the case',
    async () => {
      const r = ok(
        'filing',
        await citizen.POST('/v1/cases', { body: { matterCode, applicant, channel: 'online', materials }, params: { header: { 'Idempotency-Key': `smoke-${run}` } } }),
        201,
      );
      if (r.status !== 'submitted') throw new SmokeFailure(`filed as ${r.status}`);
      return r.caseId;
    },
    (id) => id,
  );
  const readCase = async () => ok('read the case', await citizen.GET('/v1/cases/{caseId}', { params: { path: { caseId } } }));
  // a department's queue may hold many open tasks: every page is read (100 at a time) until the case's is found
  const openTask = async (client: typeof clerk, kind: string) =>
    until(`an open ${kind} task`, async () => {
      for (let cursor: string | undefined, pages = 0; pages < 50; pages++) {
        const q = ok('the work queue', await client.GET('/v1/tasks', { params: { query: { status: 'open', limit: 100, ...(cursor ? { cursor } : {}) } } }));
        const t = q.items.find((x) => x.caseId === caseId && x.kind === kind);
        if (t) return t;
        if (!q.nextCursor) return undefined;
        cursor = q.nextCursor;
      }
      return undefined;
    });
  const decide = async (client: typeof clerk, taskId: string, body: TaskDecision, expected: string) => {
    const r = ok(`deciding ${taskId}`, await client.POST('/v1/tasks/{taskId}/complete', { params: { path: { taskId } }, body: body }));
    if (r.status !== expected) throw new SmokeFailure(`deciding ${taskId}: the case is ${r.status}, not ${expected}`);
  };

  await step('the window asks for a correction', async () => decide(clerk, (await openTask(clerk, 'acceptance')).taskId, { decision: 'correction', missing: ['M02'], reason: '残疾人证照片不清晰' }, 'correction_required'));
  await step('the citizen corrects', async () => {
    const fixed = await upload('M02');
    const r = okAs<{ status: string }>('correction', await citizen.POST('/v1/cases/{caseId}/corrections', { params: { path: { caseId } }, body: { materials: fixed } }));
    if (r.status !== 'submitted') throw new SmokeFailure(`corrected as ${r.status}`);
  });
  await step('the window accepts', async () => decide(clerk, (await openTask(clerk, 'acceptance')).taskId, { decision: 'accept' }, 'accepted'));

  // each department's reviewer finds the case in their own work queue
  const reviewers = [as('reviewerCL'), as('reviewerMZ')];
  const reviews = await step(
    'forwarded to both departments',
    async () => Promise.all(reviewers.map((r) => openTask(r, 'review'))),
    (r) => r.map((t) => t.dept).join(' + '),
  );
  await step('both departments approve', async () => {
    for (const [i, t] of reviews.entries()) {
      const r = ok(`review ${t.taskId}`, await reviewers[i].POST('/v1/tasks/{taskId}/complete', { params: { path: { taskId: t.taskId } }, body: { decision: 'approve', opinion: '符合条件' } }));
      // the first approval leaves the case in review; the last decides it
      const expected = i === reviews.length - 1 ? 'decided' : 'in_review';
      if (r.status !== expected) throw new SmokeFailure(`review ${t.taskId}: the case is ${r.status}, not ${expected}`);
    }
  });
  await step(
    'one result, archived',
    async () =>
      until('completion and archive', async () => {
        const c = await readCase();
        if (c.status !== 'completed' || !c.archive) return undefined;
        // one result, approved, carrying both departments' opinions [N14]
        if (c.result?.outcome !== 'approved' || (c.result.opinions as unknown[] | undefined)?.length !== 2) throw new SmokeFailure(`the result is ${JSON.stringify(c.result)}`);
        return c;
      }),
    (c) => `${c.result?.outcome}, ${(c.result?.opinions as unknown[] | undefined)?.length ?? 0} opinions`,
  );

  if (opts.checkArchive === false) return { caseId, steps, requests: counted };

  const archive = await step(
    'the archive holds it under lock',
    async () => {
      const a = ok('archive', await as('archivist').GET('/v1/archive/{caseId}', { params: { path: { caseId } } }));
      // packages are written under COMPLIANCE in every environment [E18], into the deployment's archive bucket
      if (a.mode !== 'COMPLIANCE' || !(Date.parse(a.retainUntil) > Date.now())) throw new SmokeFailure(`the package is not locked: ${JSON.stringify(a)}`);
      if (a.bucket !== target.archiveBucket) throw new SmokeFailure(`the package is in ${a.bucket}, not the deployment's archive bucket ${target.archiveBucket}`);
      return a;
    },
    (a) => `${a.mode} until ${a.retainUntil.slice(0, 10)}`,
  );

  await step('the Object Lock refuses to delete it', async () => {
    const s3 = new S3Client(target.s3);
    try {
      const head = await s3.send(new HeadObjectCommand({ Bucket: archive.bucket, Key: archive.key, VersionId: archive.versionId }));
      // the lock as the store itself holds it (not the platform's record of it): COMPLIANCE, until a date still ahead
      if (head.ObjectLockMode !== 'COMPLIANCE' || !head.ObjectLockRetainUntilDate || head.ObjectLockRetainUntilDate.getTime() <= Date.now())
        throw new SmokeFailure(`the store holds the package under ${head.ObjectLockMode ?? 'no lock'} until ${head.ObjectLockRetainUntilDate?.toISOString() ?? 'never'}`);
      if (Math.abs(head.ObjectLockRetainUntilDate.getTime() - Date.parse(archive.retainUntil)) > 1000) throw new SmokeFailure(`the store's retain-until ${head.ObjectLockRetainUntilDate.toISOString()} is not the platform's ${archive.retainUntil}`);
      // only ever the version: a DELETE without one would add a delete marker, which a lock allows
      const refused = await s3.send(new DeleteObjectCommand({ Bucket: archive.bucket, Key: archive.key, VersionId: archive.versionId })).then(
        () => undefined,
        (err: { name?: string; $metadata?: { httpStatusCode?: number } }) => err,
      );
      if (!refused) throw new SmokeFailure('the archive deleted a locked package version');
      if (refused.$metadata?.httpStatusCode !== 403) throw new SmokeFailure(`deleting the package failed otherwise than by the lock: ${refused.name}`);
      await s3.send(new HeadObjectCommand({ Bucket: archive.bucket, Key: archive.key, VersionId: archive.versionId }));
      return refused.name;
    } finally {
      s3.destroy();
    }
  }, (name) => `${name}; the version is still there`);

  return { caseId, steps, requests: counted, archive };
}
