import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads the synthesized CloudFormation templates in cdk.out and resolves the intrinsic functions the
 * local runtime meets (Ref, Fn::GetAtt, Fn::Join, Fn::ImportValue, Fn::Select, Fn::Split, pseudo
 * parameters) to local names, so tables, buckets, functions, routes and state machines are taken from
 * what would be deployed, not from a second description of the platform.
 */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';

type Json = any; // CloudFormation is untyped JSON

export interface Resource {
  stack: string;
  logicalId: string;
  Type: string;
  Properties: Json;
  Metadata?: Json;
}

export class Templates {
  readonly resources = new Map<string, Resource>();
  private readonly exports = new Map<string, { stack: string; value: Json }>();

  constructor(readonly outdir: string) {
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    for (const [name, art] of Object.entries<Json>(manifest.artifacts)) {
      if (art.type !== 'aws:cloudformation:stack') continue;
      const tpl = JSON.parse(fs.readFileSync(path.join(outdir, art.properties.templateFile), 'utf8'));
      for (const [logicalId, r] of Object.entries<Json>(tpl.Resources ?? {})) {
        if (this.resources.has(logicalId)) throw new Error(`logical id ${logicalId} appears in two stacks`);
        this.resources.set(logicalId, { stack: name, logicalId, ...r, Properties: r.Properties ?? {} });
      }
      for (const o of Object.values<Json>(tpl.Outputs ?? {})) {
        if (o.Export?.Name) this.exports.set(this.resolve(o.Export.Name), { stack: name, value: o.Value });
      }
    }
  }

  ofType(type: string): Resource[] {
    return [...this.resources.values()].filter((r) => r.Type === type);
  }

  /** The local physical name a `Ref` gives. */
  ref(logicalId: string): string {
    const r = this.resources.get(logicalId);
    if (!r) throw new Error(`Ref to unknown resource ${logicalId}`);
    switch (r.Type) {
      case 'AWS::S3::Bucket':
        return logicalId.toLowerCase().slice(0, 63);
      case 'AWS::StepFunctions::StateMachine':
        return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${logicalId}`;
      default:
        return logicalId;
    }
  }

  getAtt(logicalId: string, attr: string): string {
    const r = this.resources.get(logicalId);
    if (!r) throw new Error(`GetAtt on unknown resource ${logicalId}`);
    if (attr === 'Arn') {
      switch (r.Type) {
        case 'AWS::Lambda::Function':
          return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;
        case 'AWS::DynamoDB::Table':
          return `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT}:table/${logicalId}`;
        case 'AWS::S3::Bucket':
          return `arn:aws:s3:::${this.ref(logicalId)}`;
        case 'AWS::KMS::Key':
          return `arn:aws:kms:${LOCAL_REGION}:${LOCAL_ACCOUNT}:key/${logicalId}`;
        case 'AWS::StepFunctions::StateMachine':
          return this.ref(logicalId);
        default:
          return `arn:aws:local:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${logicalId}`;
      }
    }
    if (attr === 'RootResourceId') return `${logicalId}-root`;
    // the poller in local/streams.ts asks DynamoDB Local for the table's real stream ARN
    if (attr === 'StreamArn') return `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT}:table/${logicalId}/stream/local`;
    return `${logicalId}.${attr}`;
  }

  resolve(v: Json): Json {
    if (Array.isArray(v)) return v.map((x) => this.resolve(x));
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const [k] = keys;
      const a = v[k];
      switch (k) {
        case 'Ref':
          return (
            { 'AWS::Partition': 'aws', 'AWS::Region': LOCAL_REGION, 'AWS::AccountId': LOCAL_ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com', 'AWS::StackName': 'local', 'AWS::NoValue': undefined } as Record<string, string | undefined>
          )[a] ?? this.ref(a);
        case 'Fn::GetAtt': {
          const [id, attr] = Array.isArray(a) ? a : String(a).split('.');
          return this.getAtt(id, attr);
        }
        case 'Fn::Join':
          return (this.resolve(a[1]) as string[]).join(a[0]);
        case 'Fn::Select':
          return this.resolve(a[1])[Number(this.resolve(a[0]))];
        case 'Fn::Split':
          return String(this.resolve(a[1])).split(a[0]);
        case 'Fn::ImportValue': {
          const name = this.resolve(a);
          const exp = this.exports.get(name);
          if (!exp) throw new Error(`no stack exports ${name}`);
          return this.resolve(exp.value);
        }
        case 'Fn::Sub':
          if (typeof a === 'string') return a.replace(/\$\{([^}]+)\}/g, (_, n: string) => (n.includes('.') ? this.getAtt(...(n.split('.') as [string, string])) : this.resolve({ Ref: n })));
          break;
      }
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.resolve(x)]));
  }
}
