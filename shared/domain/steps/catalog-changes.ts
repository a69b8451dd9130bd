import { authorize } from '../access/gate.ts';
import { actorOf } from '../actor.ts';
import type { Caller } from '../caller.ts';
import { chainFor, PROVINCE, type ChainStep, type ChangeOp, type ChangeRequest, type ChangeScope } from '../catalog-change.ts';
import { Conflict, Forbidden, Invalid, NotFound, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { COMMON_FIELDS, LOCAL_FIELDS, MATTER_FIELDS, READ_ONLY_MATTER_FIELDS, type Department, type Matter } from '../matter.ts';
import type { Ports } from '../ports.ts';
import { validateMatter } from '../rules/n8-matter-validity.ts';
import { reconcileGuideAlerts } from '../supervision.ts';

type ChangePorts = Pick<Ports, 'catalog' | 'catalogChanges' | 'regions' | 'workflows' | 'clock' | 'staff' | 'authorisations' | 'alerts'>;

export interface ProposeInput {
  op: ChangeOp;
  codes?: string[];
  patch?: Record<string, unknown>;
  matters?: Record<string, unknown>[];
  reason: string;
}

const PATCHABLE: readonly string[] = [...COMMON_FIELDS, ...LOCAL_FIELDS];
const regionOfDept = (dept: string) => dept.slice(0, 6);

/**
 * What a proposal may carry, held against the matter model: a patch names only catalog fields, a new
 * item only the fields a matter has (never a storage key or anything else the model does not know).
 * Every stray field is named at once.
 */
function strayFields(input: ProposeInput): FieldError[] {
  const settable: readonly string[] = MATTER_FIELDS;
  return [
    ...Object.keys(input.patch ?? {})
      .filter((f) => !PATCHABLE.includes(f))
      .map((f) => ({ path: `patch.${f}`, message: 'not a catalog field' })),
    ...(input.matters ?? []).flatMap((m, i) =>
      Object.keys(m)
        .filter((f) => !settable.includes(f))
        .map((f) => ({ path: `matters.${i}.${f}`, message: 'not a field of a matter' })),
    ),
  ];
}

async function departmentsOf(ports: Pick<Ports, 'catalog'>, items: Matter[]): Promise<Map<string, Department>> {
  const codes = [...new Set(items.flatMap((m) => [m.dept, ...(m.handlingDepts ?? [])]).filter(Boolean))];
  const found = await Promise.all(codes.map((c) => ports.catalog.getDepartment(c)));
  return new Map(codes.flatMap((c, i) => (found[i] ? [[c, found[i]!] as const] : [])));
}

/** New items are valid [N8], in a real region of the province [N11], and their implementation codes unused. */
async function checkNewItems(ports: Pick<Ports, 'catalog' | 'regions'>, matters: Matter[], op: ChangeOp): Promise<void> {
  const errors: FieldError[] = [];
  const depts = await departmentsOf(ports, matters);
  const seen = new Set<string>();
  for (const [i, m] of matters.entries()) {
    if (!ports.regions.name(m.region ?? '')) errors.push({ path: `matters.${i}.region`, message: `region ${m.region} is not a Shaanxi region code` });
    for (const p of validateMatter({ ...m, version: 1, status: 'published' }, depts)) errors.push({ path: `matters.${i}`, message: p });
    if (seen.has(m.code)) errors.push({ path: `matters.${i}.code`, message: `implementation code ${m.code} is used twice` });
    seen.add(m.code);
    if (await ports.catalog.getMatter(m.code)) errors.push({ path: `matters.${i}.code`, message: `implementation code ${m.code} already exists` });
  }
  if (errors.length) throw new Invalid(`the items to ${op} are not valid`, errors);
}

/**
 * Proposes a catalog change [N10]; refuses what could never be applied (stray fields, unknown codes,
 * invalid items) with 422, and what the proposer may not change with 403.
 */
export async function proposeChange(ports: ChangePorts, caller: Caller, input: ProposeInput): Promise<ChangeRequest> {
  const now = ports.clock.now();
  await authorize(ports, caller, 'catalog.propose', { kind: 'none' }, now);
  const dept = caller.dept!;
  if (!(await ports.catalog.getDepartment(dept))) throw new Forbidden(`department ${dept} is not in the catalog's department list`);
  const stray = strayFields(input);
  if (stray.length) throw new Invalid('the proposal carries fields the matter model does not have', stray);
  const proposerRegion = regionOfDept(dept);
  const codes = input.codes ?? [];
  const patch = input.patch as Partial<Matter> | undefined;
  // what the catalog sets itself (a version, its status, which change wrote it) is not the proposer's to give
  const matters = input.matters?.map((m) => Object.fromEntries(Object.entries(m).filter(([f]) => !(READ_ONLY_MATTER_FIELDS as readonly string[]).includes(f))) as unknown as Matter);
  const fields = Object.keys(patch ?? {});
  const commonTouched = fields.some((f) => (COMMON_FIELDS as readonly string[]).includes(f));

  const needCodes = { add: 0, change: 1, suspend: 1, cancel: 1, split: 1, merge: 2 }[input.op];
  if (codes.length < needCodes || (input.op !== 'merge' && codes.length > needCodes)) {
    throw new Invalid(`${input.op} acts on ${input.op === 'merge' ? 'two or more' : needCodes} implementation code(s)`, [{ path: 'codes', message: `${codes.length} given` }]);
  }
  const targets: Matter[] = [];
  for (const code of codes) {
    const m = await ports.catalog.getMatter(code);
    if (!m) throw new Invalid(`there is no matter ${code}`, [{ path: 'codes', message: `unknown ${code}` }]);
    targets.push(m);
  }
  if (input.op === 'change' && !fields.length) throw new Invalid('a change names the fields it changes', [{ path: 'patch', message: 'empty' }]);
  if (['add', 'split', 'merge'].includes(input.op) && !matters?.length) throw new Invalid(`${input.op} needs the new items`, [{ path: 'matters', message: 'required' }]);

  // [N10] provincial departments change the common catalog; cities and counties their local fields
  const scope: ChangeScope = proposerRegion === PROVINCE || commonTouched ? 'common' : 'local';
  if (scope === 'common' && proposerRegion !== PROVINCE) {
    throw new Forbidden('common catalog fields are changed by the provincial department, through the 省政府办公厅 and 省司法厅 [N10]');
  }
  const region = scope === 'common' ? PROVINCE : proposerRegion;
  if (scope === 'local') {
    const foreign = [...targets, ...(matters ?? [])].filter((m) => m.region !== proposerRegion);
    if (foreign.length) throw new Forbidden(`a ${proposerRegion} department changes only its own region's items, not ${foreign[0].code}`);
  } else {
    // [N9] a provincial department changes the base matters it keeps in the common catalog
    const deptKey = dept.slice(7);
    const notOwned = [...targets, ...(matters ?? [])].filter((m) => (m.ownerDept ?? (m.region === PROVINCE ? m.dept.slice(7) : undefined)) !== deptKey);
    if (notOwned.length) throw new Forbidden(`${dept} does not own ${notOwned[0].code}`);
  }
  if (input.op === 'change' && scope === 'common' && new Set(targets.map((t) => t.baseCode)).size !== 1) throw new Invalid('a common change acts on one base matter');
  await checkNewItems(ports, matters ?? [], input.op);
  if (input.op === 'change') {
    const patched = targets.map((m) => ({ ...m, ...patch }));
    const depts = await departmentsOf(ports, patched);
    const errors = patched.flatMap((m) => validateMatter(m, depts).map((message) => ({ path: `patch (${m.code})`, message })));
    if (errors.length) throw new Invalid('the change would leave the matter invalid', errors.slice(0, 20));
  }

  const at = now.toISOString();
  const actor = actorOf(caller, 'catalog_admin');
  const change: ChangeRequest = {
    id: newId('CHG'),
    op: input.op,
    scope,
    region,
    codes,
    ...(input.op === 'change' && scope === 'common' ? { baseCode: targets[0].baseCode } : {}),
    ...(patch ? { patch } : {}),
    ...(matters ? { matters } : {}),
    reason: input.reason,
    proposer: actor,
    chain: chainFor(scope, region),
    step: 0,
    status: 'pending',
    history: [{ at, actor, action: 'propose', comment: input.reason }],
    createdAt: at,
    version: 1,
  };
  await ports.catalogChanges.create(change);
  return change;
}

export async function getChange(ports: ChangePorts, caller: Caller, id: string): Promise<ChangeRequest> {
  await authorize(ports, caller, 'catalog.read_change', { kind: 'none' }, ports.clock.now());
  const c = await ports.catalogChanges.get(id);
  if (!c) throw new NotFound(`there is no change ${id}`);
  return c;
}

/** The change waiting for the caller's decision: the gate names who it waits for [N10]. */
async function pendingFor(ports: ChangePorts, caller: Caller, id: string): Promise<{ c: ChangeRequest; step: ChainStep }> {
  const c = await ports.catalogChanges.get(id);
  if (!c) throw new NotFound(`there is no change ${id}`);
  if (c.status !== 'pending') throw new Conflict(`change ${c.id} is already ${c.status}`, { from: c.status, allowed: [] });
  await authorize(ports, caller, 'catalog.decide_change', { kind: 'change', change: c }, ports.clock.now());
  return { c, step: c.chain[c.step] };
}

async function save(ports: ChangePorts, before: ChangeRequest, after: ChangeRequest): Promise<ChangeRequest> {
  const saved = { ...after, version: before.version + 1 };
  if (!(await ports.catalogChanges.update(saved, before.version))) throw new Conflict(`change ${after.id} was decided meanwhile`);
  return saved;
}

export async function rejectChange(ports: ChangePorts, caller: Caller, id: string, reason: string): Promise<ChangeRequest> {
  const { c, step } = await pendingFor(ports, caller, id);
  const at = ports.clock.now().toISOString();
  return save(ports, c, { ...c, status: 'rejected', history: [...c.history, { at, actor: actorOf(caller, step.role), action: 'reject', step: step.label, comment: reason }] });
}

/** Approves the waiting step; the last step applies the change as new versions and republishes [N8]. */
export async function approveChange(ports: ChangePorts, caller: Caller, id: string, comment: string | undefined): Promise<ChangeRequest> {
  const { c, step } = await pendingFor(ports, caller, id);
  const at = ports.clock.now().toISOString();
  const actor = actorOf(caller, step.role);
  if (c.step < c.chain.length - 1) return save(ports, c, { ...c, step: c.step + 1, history: [...c.history, { at, actor, action: 'approve', step: step.label, comment }] });
  const result = await applyChange(ports, c, at);
  // [N8] the approved change is published: the search index is rebuilt and re-pointed
  await ports.workflows.start('catalog_publish', c.id, { changeId: c.id });
  return save(ports, c, { ...c, status: 'applied', result, history: [...c.history, { at, actor, action: 'approve', step: step.label, comment }, { at, actor, action: 'apply' }] });
}

/** The change as new versions of every matter it reaches, each checked against the catalog rules first. */
async function applyChange(ports: ChangePorts, c: ChangeRequest, at: string): Promise<{ published: string[]; withdrawn: string[] }> {
  const bump = (m: Matter, patch: Partial<Matter>): Matter => ({ ...m, ...patch, version: m.version + 1 });
  const targets = c.baseCode ? await ports.catalogChanges.implementationsOf(c.baseCode) : await Promise.all(c.codes.map(async (code) => (await ports.catalog.getMatter(code))!));
  const next: Matter[] = [];
  if (c.op === 'change') next.push(...targets.map((m) => bump(m, c.patch ?? {})));
  if (c.op === 'suspend') next.push(...targets.map((m) => bump(m, { status: 'suspended' })));
  if (c.op === 'cancel' || c.op === 'split' || c.op === 'merge') next.push(...targets.map((m) => bump(m, { status: 'cancelled' })));
  if (['add', 'split', 'merge'].includes(c.op)) {
    await checkNewItems(ports, c.matters ?? [], c.op);
    next.push(...(c.matters ?? []).map((m) => ({ ...m, version: 1, status: 'published' as const })));
  }
  // re-check what the change produces: a province-wide patch must leave every implementation valid
  const depts = await departmentsOf(ports, next);
  const problems = next.flatMap((m) => validateMatter(m, depts).map((p) => ({ path: m.code, message: p })));
  if (problems.length) throw new Invalid('the change would publish invalid items; nothing was published', problems.slice(0, 20));
  await ports.catalogChanges.writeVersions(next, c.id, at);
  // [N20] 事前: a guide the change leaves incomplete is alerted, one it completes or withdraws cleared
  const { raise, clear } = reconcileGuideAlerts(next, await ports.alerts.openGuideAlerts(), at);
  await Promise.all([...raise.map((a) => ports.alerts.raise(a)), ...clear.map((a) => ports.alerts.clear(a))]);
  // the sweeper republishes if the publish that follows does not start (changedAt later than publishedAt)
  await ports.catalogChanges.markChanged(at);
  return { published: next.filter((m) => m.status === 'published').map((m) => m.code), withdrawn: next.filter((m) => m.status !== 'published').map((m) => m.code) };
}
