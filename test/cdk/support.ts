/**
 * Helpers for the CDK assertion tests: one synth of the whole app per test file, plus small readers for
 * IAM statements, API Gateway routes and Step Functions definitions in the synthesized templates.
 * Not a test file itself (jest only picks up `*.test.ts`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack, type App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp } from '../../infra/app.ts';
import type { ApiStack } from '../../infra/stacks/api-stack.ts';
import type { DataStack } from '../../infra/stacks/data-stack.ts';
import type { SupervisionStack } from '../../infra/stacks/supervision-stack.ts';
import type { WorkflowsStack } from '../../infra/stacks/workflows-stack.ts';

/** esbuild bundling of every function plus cdk-nag take ~10 s; give beforeAll room. */
export const SYNTH_TIMEOUT_MS = 60_000;

export const STACK_NAMES = ['Zwfw-Data', 'Zwfw-Workflows', 'Zwfw-Api', 'Zwfw-Supervision', 'Zwfw-SupervisionSite'] as const;

/** What cdk.json gives the CLI; `new App()` does not read cdk.json, so the tests pass it themselves. */
const APP_CONTEXT = {
  jwtIssuer: 'https://sso.shaanxi.gov.cn',
  jwksUrl: 'https://sso.shaanxi.gov.cn/.well-known/jwks.json',
  jwtAudience: 'zwfw-api',
  tsaUrl: 'https://tsa.example.gov.cn/tsa',
  '@aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion': 'false',
};

export interface Platform {
  app: App;
  outdir: string;
  data: DataStack;
  workflows: WorkflowsStack;
  api: ApiStack;
  supervision: SupervisionStack;
  stacks: Stack[];
  templates: Record<(typeof STACK_NAMES)[number], Template>;
}

export interface SynthOptions {
  /**
   * true: bundle every function with esbuild, with Docker made unusable (CDK_DOCKER=/bin/false) and with
   * the asset metadata the CDK CLI would add (`aws:asset:path`), as `cdk synth` does.
   * false: skip bundling (context `aws:cdk:bundling-stacks` = []), as `cdk synth --exclusively` does for
   * other stacks; the resources, IAM and cdk-nag findings are the same, only asset hashes differ.
   */
  bundle: boolean;
  /** context over the app's own (cdk.json), e.g. another environment of infra/config.ts */
  context?: Record<string, unknown>;
}

/** Synthesizes the whole app once into a fresh temp dir (never the shared `cdk.out`). */
export function synthPlatform(opts: SynthOptions): Platform {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwfw-cdk-test-'));
  const context: Record<string, unknown> = { ...APP_CONTEXT, ...opts.context };
  if (opts.bundle) context['aws:cdk:enable-asset-metadata'] = true;
  else context['aws:cdk:bundling-stacks'] = [];

  const savedDocker = process.env.CDK_DOCKER;
  // any attempt to bundle (or build a bundling image) with Docker now fails the synth
  process.env.CDK_DOCKER = '/bin/false';
  let app: App;
  try {
    app = buildApp({ outdir, context: context as Record<string, string> });
    app.synth();
  } catch (err) {
    fs.rmSync(outdir, { recursive: true, force: true });
    throw err;
  } finally {
    if (savedDocker === undefined) delete process.env.CDK_DOCKER;
    else process.env.CDK_DOCKER = savedDocker;
  }
  const stack = <T extends Stack>(name: string) => app.node.findChild(name) as T;
  const stacks = STACK_NAMES.map((n) => stack(n));
  const templates = Object.fromEntries(STACK_NAMES.map((n) => [n, Template.fromStack(stack(n))])) as Platform['templates'];
  return {
    app,
    outdir,
    data: stack<DataStack>('Zwfw-Data'),
    workflows: stack<WorkflowsStack>('Zwfw-Workflows'),
    api: stack<ApiStack>('Zwfw-Api'),
    supervision: stack<SupervisionStack>('Zwfw-Supervision'),
    stacks,
    templates,
  };
}

export function removeOutdir(p: Platform | undefined): void {
  if (p?.outdir.startsWith(os.tmpdir())) fs.rmSync(p.outdir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------
// templates

export type CfnResource = { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, any> };

export function resources(t: Template, type?: string): Record<string, CfnResource> {
  const all = (t.toJSON().Resources ?? {}) as Record<string, CfnResource>;
  return type ? Object.fromEntries(Object.entries(all).filter(([, r]) => r.Type === type)) : all;
}

/** The logical id CloudFormation knows a construct by (its default child for L2 constructs). */
export function logicalIdOf(c: IConstruct): string {
  const el = (c.node.defaultChild ?? c) as CfnElement;
  return Stack.of(el).getLogicalId(el);
}

/** A template holding just one resource, so the `Match`-based assertions can target it by logical id. */
export function only(t: Template, logicalId: string): Template {
  const r = resources(t)[logicalId];
  if (!r) throw new Error(`no resource ${logicalId} in the template`);
  return Template.fromJSON({ Resources: { [logicalId]: r } });
}

/**
 * Does this CloudFormation value (Ref, GetAtt, Join, or the ImportValue of a cross-stack export, whose
 * name embeds the logical id: `Zwfw-Data:ExportsOutputFnGetAttCasesTableABF7127DArn…`) point at the
 * logical id? CDK logical ids end in an 8-hex-digit hash, so a substring test is unambiguous.
 */
export function mentions(value: unknown, logicalId: string): boolean {
  return JSON.stringify(value ?? null).includes(logicalId);
}

// ---------------------------------------------------------------------------------------------------
// IAM

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');

/** Does the action pattern list (with IAM wildcards) cover this concrete action? NotAction counts as yes. */
export function allowsAction(stmt: Statement, action: string): boolean {
  if (stmt.Effect !== 'Allow') return false;
  if (stmt.NotAction !== undefined) return true;
  return list(stmt.Action).some((p) => glob(p).test(action));
}

/** Could any action of this statement belong to the service (`dynamodb`, `s3`…)? */
export function grantsService(stmt: Statement, service: string): boolean {
  if (stmt.Effect !== 'Allow') return false;
  if (stmt.NotAction !== undefined) return true;
  return list(stmt.Action).some((p) => p === '*' || glob(p.split(':')[0]).test(service));
}

/** Does the statement's resource cover the resource with this logical id? `*` and NotResource do. */
export function coversResource(stmt: Statement, logicalId: string): boolean {
  if (stmt.NotResource !== undefined) return true;
  return list(stmt.Resource as unknown[]).some((r) => r === '*' || mentions(r, logicalId));
}

export function allows(stmts: Statement[], action: string, logicalId?: string): boolean {
  return stmts.some((s) => allowsAction(s, action) && (logicalId === undefined || coversResource(s, logicalId)));
}

export interface RoleGrants {
  stack: string;
  roleId: string;
  statements: Statement[];
  managedPolicyArns: unknown[];
}

/** Every IAM role of every stack with all its statements: inline `Policies` and attached AWS::IAM::Policy. */
export function allRoles(p: Platform): RoleGrants[] {
  const out: RoleGrants[] = [];
  for (const name of STACK_NAMES) {
    const t = p.templates[name];
    const policies = Object.values(resources(t, 'AWS::IAM::Policy'));
    for (const [roleId, role] of Object.entries(resources(t, 'AWS::IAM::Role'))) {
      const statements: Statement[] = [
        ...list(role.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((pol) => list(pol.PolicyDocument.Statement)),
        ...policies
          .filter((pol) => list(pol.Properties?.Roles).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
          .flatMap((pol) => list(pol.Properties!.PolicyDocument.Statement as Statement[])),
      ];
      out.push({ stack: name, roleId, statements, managedPolicyArns: list(role.Properties?.ManagedPolicyArns) });
    }
  }
  return out;
}

export interface FunctionGrants extends RoleGrants {
  functionId: string;
  fn: CfnResource;
}

/** Every Lambda function of every stack with its execution role's grants. */
export function allFunctions(p: Platform): FunctionGrants[] {
  const roles = allRoles(p);
  const out: FunctionGrants[] = [];
  for (const name of STACK_NAMES) {
    for (const [functionId, fn] of Object.entries(resources(p.templates[name], 'AWS::Lambda::Function'))) {
      // the platform's own (PlatformFunction); aws-cdk-lib's deploy-time handler is tested on its own
      if (!fn.Metadata?.['platform:function']) continue;
      const roleRef = fn.Properties?.Role;
      const roleId: string | undefined = roleRef?.['Fn::GetAtt']?.[0] ?? roleRef?.Ref;
      const role = roles.find((r) => r.stack === name && r.roleId === roleId);
      if (!role) throw new Error(`function ${functionId} has no role in ${name} (Role = ${JSON.stringify(roleRef)})`);
      out.push({ ...role, functionId, fn });
    }
  }
  return out;
}

/** The grants of the one function whose logical id starts with the prefix (e.g. `MattersFn`). */
export function grantsOf(p: Platform, functionIdPrefix: string): FunctionGrants {
  const found = allFunctions(p).filter((f) => f.functionId.startsWith(functionIdPrefix));
  if (found.length !== 1) throw new Error(`expected one function with logical id ${functionIdPrefix}*, found ${found.map((f) => f.functionId).join(', ') || 'none'}`);
  return found[0];
}

/** A managed policy ARN's name (`service-role/AWSLambdaBasicExecutionRole`). */
export function managedPolicyName(arn: unknown): string {
  const s = typeof arn === 'string' ? arn : JSON.stringify(arn);
  return s.replace(/^.*:iam::aws:policy\//, '').replace(/"\]\]\}$/, '');
}

// ---------------------------------------------------------------------------------------------------
// API Gateway (REST)

export interface Route {
  id: string;
  method: string;
  path: string;
  props: Record<string, any>;
}

/** Every AWS::ApiGateway::Method as `GET /v1/matters/{code}`, its path rebuilt from the Resource tree. */
export function routes(t: Template): Route[] {
  const res = resources(t, 'AWS::ApiGateway::Resource');
  const pathOf = (ref: any): string => {
    if (ref?.['Fn::GetAtt']?.[1] === 'RootResourceId') return '';
    const id = ref?.Ref;
    const r = res[id];
    if (!r) throw new Error(`unknown API resource ${JSON.stringify(ref)}`);
    return `${pathOf(r.Properties!.ParentId)}/${r.Properties!.PathPart}`;
  };
  return Object.entries(resources(t, 'AWS::ApiGateway::Method')).map(([id, m]) => ({
    id,
    method: m.Properties!.HttpMethod,
    path: pathOf(m.Properties!.ResourceId) || '/',
    props: m.Properties!,
  }));
}

export function route(t: Template, spec: string): Route {
  const [method, p] = spec.split(' ');
  const found = routes(t).filter((r) => r.method === method && r.path === p);
  if (found.length !== 1) throw new Error(`expected one route ${spec}, found ${found.length}; routes: ${routes(t).map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return found[0];
}

// ---------------------------------------------------------------------------------------------------
// Step Functions

/**
 * The DefinitionString as text: a plain string, or the Fn::Join CDK emits, with every intrinsic
 * (partition, function ARNs…) replaced by a placeholder. The intrinsics sit inside JSON strings, so the
 * result still parses as the state machine's ASL.
 */
export function definitionText(def: unknown): string {
  if (typeof def === 'string') return def;
  const join = (def as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) throw new Error(`unexpected DefinitionString ${JSON.stringify(def).slice(0, 200)}`);
  return join[1].map((part) => (typeof part === 'string' ? part : '__INTRINSIC__')).join(join[0]);
}

/** Every object in a JSON value, with the key path to it. */
export function* walk(v: unknown, at: string[] = []): Generator<{ at: string[]; obj: Record<string, unknown> }> {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* walk(x, [...at, String(i)]);
  else if (v && typeof v === 'object') {
    yield { at, obj: v as Record<string, unknown> };
    for (const [k, x] of Object.entries(v)) yield* walk(x, [...at, k]);
  }
}
