import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startWorkflow } from '../workflows/start.ts';
import type { Caller, Role } from '../auth/caller.ts';
import { actorOf } from '../domain/intake.ts';
import { CATALOG_GSI, CATALOG_META_KEY, changeKey, matterKey } from '../domain/keys.ts';
import { COMMON_FIELDS, LOCAL_FIELDS, type Department, type Matter } from '../domain/matter.ts';
import type { Actor } from '../domain/case.ts';
import { newId } from '../domain/ids.ts';
import { conflict, forbidden, notFound, unprocessable, type FieldError } from '../http/problem.ts';
import { dynamo, env } from '../storage/clients.ts';
import { currentItem, getDepartment, getMatter } from './catalog-store.ts';
import { regionByCode } from './regions.ts';
import { validateMatter } from './validate-matter.ts';

/**
 * Catalog change approval (N10). A change to the common catalog (通用目录: its handling items and
 * guides, not the local fields) is proposed by the provincial department, reviewed by the 省政府办公厅
 * and then the 省司法厅, and applied by the provincial service centre (省政务服务中心) as a new version.
 * A change to local fields (个性要素) is proposed in a city or county and applied by that region's own
 * service centre. Every step is recorded; a reviewer may reject with reasons; nobody approves their own
 * change; cases keep the version they were filed under.
 */
export type ChangeOp = 'add' | 'change' | 'split' | 'merge' | 'suspend' | 'cancel';
export type ChangeScope = 'common' | 'local';

export interface ChainStep {
  role: Role;
  /** the department the approver must belong to, when the role alone does not say it */
  dept?: string;
  label: string;
}

export interface ChangeHistory {
  at: string;
  actor: Actor;
  action: 'propose' | 'approve' | 'reject' | 'apply';
  step?: string;
  comment?: string;
}

export interface ChangeRequest {
  id: string;
  op: ChangeOp;
  scope: ChangeScope;
  /** the region whose catalog changes (610000 for the common catalog) */
  region: string;
  /** implementation codes the change acts on (change, split, merge, suspend, cancel) */
  codes: string[];
  /** common-field changes reach every implementation of this base matter */
  baseCode?: string;
  patch?: Partial<Matter>;
  /** new items (add, split, merge) */
  matters?: Matter[];
  reason: string;
  proposer: Actor;
  chain: ChainStep[];
  /** index in `chain` of the step waiting for a decision */
  step: number;
  status: 'pending' | 'applied' | 'rejected';
  history: ChangeHistory[];
  createdAt: string;
  version: number;
  result?: { published: string[]; withdrawn: string[] };
}

export const PROVINCE = '610000';
/** 政务服务中心 of a region: the department that applies catalog changes there */
export const centreOf = (region: string) => `${region}-ZWFW`;

/** N10: the review chain a change goes through. */
export function chainFor(scope: ChangeScope, region: string): ChainStep[] {
  return scope === 'common'
    ? [
        { role: 'office_reviewer', label: '省政府办公厅审核' },
        { role: 'justice_reviewer', label: '省司法厅审核' },
        { role: 'catalog_admin', dept: centreOf(PROVINCE), label: '省政务服务中心调整' },
      ]
    : [{ role: 'catalog_admin', dept: centreOf(region), label: '本级政务服务中心调整' }];
}

const regionOfDept = (dept: string) => dept.slice(0, 6);
const table = () => env('CATALOG_TABLE');

export interface ProposeInput {
  op: ChangeOp;
  codes?: string[];
  patch?: Partial<Matter>;
  matters?: Matter[];
  reason: string;
}

const touched = (patch: Partial<Matter> | undefined) => Object.keys(patch ?? {});

/** Proposes a change; refuses what could never be applied (unknown codes, invalid items) with 422. */
export async function proposeChange(caller: Caller, input: ProposeInput, now = () => new Date()): Promise<ChangeRequest> {
  if (!caller.roles.includes('catalog_admin') || !caller.dept) throw forbidden('catalog changes are proposed by a catalog_admin of a department');
  if (!(await getDepartment(caller.dept))) throw forbidden(`department ${caller.dept} is not in the catalog's department list`);
  const proposerRegion = regionOfDept(caller.dept);
  const codes = input.codes ?? [];
  const fields = touched(input.patch);
  const unknownField = fields.filter((f) => !(COMMON_FIELDS as readonly string[]).includes(f) && !(LOCAL_FIELDS as readonly string[]).includes(f));
  if (unknownField.length) throw unprocessable(`fields ${unknownField.join(', ')} cannot be changed`, unknownField.map((f) => ({ path: `patch.${f}`, message: 'not a catalog field' })));
  const commonTouched = fields.some((f) => (COMMON_FIELDS as readonly string[]).includes(f));

  const needCodes = { add: 0, change: 1, suspend: 1, cancel: 1, split: 1, merge: 2 }[input.op];
  if (codes.length < needCodes || (input.op !== 'merge' && codes.length > needCodes)) {
    throw unprocessable(`${input.op} acts on ${input.op === 'merge' ? 'two or more' : needCodes} implementation code(s)`, [{ path: 'codes', message: `${codes.length} given` }]);
  }
  const targets: Matter[] = [];
  for (const code of codes) {
    const m = await getMatter(code);
    if (!m) throw unprocessable(`there is no matter ${code}`, [{ path: 'codes', message: `unknown ${code}` }]);
    targets.push(m);
  }
  if (input.op === 'change' && !fields.length) throw unprocessable('a change names the fields it changes', [{ path: 'patch', message: 'empty' }]);
  if (['add', 'split', 'merge'].includes(input.op) && !input.matters?.length) throw unprocessable(`${input.op} needs the new items`, [{ path: 'matters', message: 'required' }]);

  // N10: provincial departments change the common catalog; cities and counties their local fields
  const scope: ChangeScope = proposerRegion === PROVINCE || commonTouched ? 'common' : 'local';
  if (scope === 'common' && proposerRegion !== PROVINCE) {
    throw forbidden('common catalog fields are changed by the provincial department, through the 省政府办公厅 and 省司法厅 (N10)');
  }
  const region = scope === 'common' ? PROVINCE : proposerRegion;
  if (scope === 'local') {
    const foreign = [...targets, ...(input.matters ?? [])].filter((m) => m.region !== proposerRegion);
    if (foreign.length) throw forbidden(`a ${proposerRegion} department changes only its own region's items, not ${foreign[0].code}`);
  } else {
    // N9: a provincial department changes the base matters it keeps in the common catalog
    const deptKey = caller.dept.slice(7);
    const notOwned = [...targets, ...(input.matters ?? [])].filter((m) => (m.ownerDept ?? (m.region === PROVINCE ? m.dept.slice(7) : undefined)) !== deptKey);
    if (notOwned.length) throw forbidden(`${caller.dept} does not own ${notOwned[0].code}`);
  }
  if (input.op === 'change' && scope === 'common' && new Set(targets.map((t) => t.baseCode)).size !== 1) {
    throw unprocessable('a common change acts on one base matter');
  }
  await checkNewItems(input.matters ?? [], input.op);
  if (input.op === 'change') await checkPatched(targets.map((m) => ({ ...m, ...input.patch })));

  const at = now().toISOString();
  const actor = actorOf(caller, 'catalog_admin');
  const change: ChangeRequest = {
    id: newId('CHG'),
    op: input.op,
    scope,
    region,
    codes,
    ...(input.op === 'change' && scope === 'common' ? { baseCode: targets[0].baseCode } : {}),
    ...(input.patch ? { patch: input.patch } : {}),
    ...(input.matters ? { matters: input.matters } : {}),
    reason: input.reason,
    proposer: actor,
    chain: chainFor(scope, region),
    step: 0,
    status: 'pending',
    history: [{ at, actor, action: 'propose', comment: input.reason }],
    createdAt: at,
    version: 1,
  };
  await dynamo().send(new PutCommand({ TableName: table(), Item: { ...changeKey(change.id), type: 'change', ...change }, ConditionExpression: 'attribute_not_exists(pk)' }));
  return change;
}

/** New items are valid and their implementation codes unused (N8: one item, one code). */
async function checkNewItems(matters: Matter[], op: ChangeOp): Promise<void> {
  const errors: FieldError[] = [];
  const depts = await departmentsOf(matters);
  const seen = new Set<string>();
  for (const [i, m] of matters.entries()) {
    // N11: an item belongs to a real region of the province (行政区划代码 from regions.ts)
    if (!regionByCode(m.region ?? '')) errors.push({ path: `matters.${i}.region`, message: `region ${m.region} is not a Shaanxi region code` });
    for (const p of validateMatter({ ...m, version: 1, status: 'published' }, depts)) errors.push({ path: `matters.${i}`, message: p });
    if (seen.has(m.code)) errors.push({ path: `matters.${i}.code`, message: `implementation code ${m.code} is used twice` });
    seen.add(m.code);
    if (await getMatter(m.code)) errors.push({ path: `matters.${i}.code`, message: `implementation code ${m.code} already exists` });
  }
  if (errors.length) throw unprocessable(`the items to ${op} are not valid`, errors);
}

/** The items as a change would leave them still pass the catalog rules (e.g. promised ≤ statutory days). */
async function checkPatched(items: Matter[]): Promise<void> {
  const depts = await departmentsOf(items);
  const errors = items.flatMap((m) => validateMatter(m, depts).map((message) => ({ path: `patch (${m.code})`, message })));
  if (errors.length) throw unprocessable('the change would leave the matter invalid', errors.slice(0, 20));
}

async function departmentsOf(items: Matter[]): Promise<Map<string, Department>> {
  const depts = new Map<string, Department>();
  for (const m of items) {
    for (const code of [m.dept, ...(m.handlingDepts ?? [])]) {
      if (code && !depts.has(code)) {
        const d = await getDepartment(code);
        if (d) depts.set(code, d);
      }
    }
  }
  return depts;
}

export async function getChange(id: string): Promise<ChangeRequest | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: table(), Key: changeKey(id), ConsistentRead: true }));
  if (!res.Item) return undefined;
  const { pk, sk, type, ...c } = res.Item;
  return c as ChangeRequest;
}

async function saveChange(before: ChangeRequest, after: ChangeRequest): Promise<void> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...changeKey(after.id), type: 'change', ...after, version: before.version + 1 },
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': before.version },
      }),
    );
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') throw conflict(`change ${after.id} was decided meanwhile`, undefined, err);
    throw err;
  }
}

/** The caller may decide the step the change waits at: the step's role and department, never their own change. */
function assertDecider(caller: Caller, c: ChangeRequest): ChainStep {
  if (c.status !== 'pending') throw conflict(`change ${c.id} is already ${c.status}`, { from: c.status, allowed: [] });
  const step = c.chain[c.step];
  if (!caller.roles.includes(step.role) || (step.dept && caller.dept !== step.dept)) {
    throw forbidden(`change ${c.id} waits for ${step.label} (${step.role}${step.dept ? ` of ${step.dept}` : ''})`);
  }
  if (caller.sub === c.proposer.sub || c.history.some((h) => h.action === 'approve' && h.actor.sub === caller.sub)) {
    throw forbidden('nobody approves their own change, or approves one change twice');
  }
  return step;
}

export async function rejectChange(caller: Caller, id: string, reason: string, now = () => new Date()): Promise<ChangeRequest> {
  const c = await getChange(id);
  if (!c) throw notFound(`there is no change ${id}`);
  const step = assertDecider(caller, c);
  const after: ChangeRequest = {
    ...c,
    status: 'rejected',
    history: [...c.history, { at: now().toISOString(), actor: actorOf(caller, step.role), action: 'reject', step: step.label, comment: reason }],
  };
  await saveChange(c, after);
  return { ...after, version: c.version + 1 };
}

/** Approves the waiting step; the last step applies the change as new versions and republishes. */
export async function approveChange(caller: Caller, id: string, comment: string | undefined, now = () => new Date()): Promise<ChangeRequest> {
  const c = await getChange(id);
  if (!c) throw notFound(`there is no change ${id}`);
  const step = assertDecider(caller, c);
  const at = now().toISOString();
  const actor = actorOf(caller, step.role);
  const last = c.step === c.chain.length - 1;
  if (!last) {
    const after: ChangeRequest = { ...c, step: c.step + 1, history: [...c.history, { at, actor, action: 'approve', step: step.label, comment }] };
    await saveChange(c, after);
    return { ...after, version: c.version + 1 };
  }
  const result = await applyChange(c, at);
  // N8: the approved change is published: the search index is rebuilt and re-pointed
  await startWorkflow('catalog_publish', c.id, { changeId: c.id });
  const after: ChangeRequest = {
    ...c,
    status: 'applied',
    result,
    history: [...c.history, { at, actor, action: 'approve', step: step.label, comment }, { at, actor, action: 'apply' }],
  };
  await saveChange(c, after);
  return { ...after, version: c.version + 1 };
}

/** All CURRENT implementations of a base matter, through the byBaseCode index. */
async function implementationsOf(baseCode: string): Promise<Matter[]> {
  const codes: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({ TableName: table(), IndexName: CATALOG_GSI.byBaseCode, KeyConditionExpression: 'basePk = :b', ExpressionAttributeValues: { ':b': `BASE#${baseCode}` }, ExclusiveStartKey: start }),
    );
    codes.push(...(res.Items ?? []).map((i) => String(i.pk).slice('MATTER#'.length)));
    start = res.LastEvaluatedKey;
  } while (start);
  const out: Matter[] = [];
  for (const code of codes) {
    const m = await getMatter(code);
    if (m && m.status !== 'cancelled') out.push(m);
  }
  return out;
}

/**
 * Writes the change as new versions: each new version item and the CURRENT item flipped to it, in
 * transactions of at most 100 writes (a province-wide change to a base matter spans every region).
 * The version items are conditioned on not existing, so a re-run after a partial failure is safe.
 */
async function applyChange(c: ChangeRequest, at: string): Promise<{ published: string[]; withdrawn: string[] }> {
  const next: Matter[] = [];
  const bump = (m: Matter, patch: Partial<Matter>): Matter => ({ ...m, ...patch, version: m.version + 1 });
  const targets = c.baseCode ? await implementationsOf(c.baseCode) : await Promise.all(c.codes.map(async (code) => (await getMatter(code))!));
  switch (c.op) {
    case 'change':
      next.push(...targets.map((m) => bump(m, c.patch ?? {})));
      break;
    case 'suspend':
      next.push(...targets.map((m) => bump(m, { status: 'suspended' })));
      break;
    case 'cancel':
    case 'split':
    case 'merge':
      next.push(...targets.map((m) => bump(m, { status: 'cancelled' })));
      break;
  }
  if (['add', 'split', 'merge'].includes(c.op)) {
    await checkNewItems(c.matters ?? [], c.op);
    next.push(...(c.matters ?? []).map((m) => ({ ...m, version: 1, status: 'published' as const })));
  }
  // re-check what the change produces: a province-wide patch must leave every implementation valid
  const depts = await departmentsOf(next);
  const problems = next.flatMap((m) => validateMatter(m, depts).map((p) => ({ path: m.code, message: p })));
  if (problems.length) throw unprocessable('the change would publish invalid items; nothing was published', problems.slice(0, 20));

  const writes = next.flatMap((m) => [
    { Put: { TableName: table(), Item: { ...matterKey(m.code, m.version), ...m, changedBy: c.id, changedAt: at }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table(), Item: { ...currentItem(m), changedBy: c.id, changedAt: at } } },
  ]);
  for (let i = 0; i < writes.length; i += 100) {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: writes.slice(i, i + 100) }));
    } catch (err) {
      // a version already written by an earlier run of this same change is fine; anything else is not
      if ((err as Error).name !== 'TransactionCanceledException') throw err;
      const again = await Promise.all(next.slice(i / 2, i / 2 + 50).map((m) => getMatter(m.code)));
      if (!again.every((m, j) => m?.version === next[i / 2 + j].version)) throw conflict('the catalog changed while this change was applied; propose it again', undefined, err);
    }
  }
  // the sweeper republishes if the publish below does not start (changedAt later than publishedAt)
  await dynamo().send(new UpdateCommand({ TableName: table(), Key: CATALOG_META_KEY, UpdateExpression: 'SET changedAt = :at', ExpressionAttributeValues: { ':at': at } }));
  return { published: next.filter((m) => m.status === 'published').map((m) => m.code), withdrawn: next.filter((m) => m.status !== 'published').map((m) => m.code) };
}
