import * as z from 'zod/mini';

/**
 * One typed configuration per environment, read from CDK context (`cdk.json`, `-c key=value`) or the
 * environment (`ZWFW_` and the key in upper snake case: ZWFW_JWT_AUDIENCE), and checked at synth: every
 * fault is named by its key, all at once, before any stack is made.
 */
export const ENVIRONMENTS = ['production', 'staging', 'development'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const url = (what: string) => z.string().check(z.refine((v) => /^https?:\/\/[^\s/]+/.test(v), `${what} is an http(s) URL`));
const int = (min: number, max: number) => z.coerce.number().check(z.int(), z.gte(min), z.lte(max));

const Schema = z.object({
  environment: z.enum(ENVIRONMENTS),
  /** the AWS account and Region, when the deployment pins them (CDK_DEFAULT_* otherwise) */
  account: z.optional(z.string().check(z.regex(/^\d{12}$/, 'a 12-digit AWS account id'))),
  region: z.optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS Region such as us-east-1 or cn-northwest-1'))),
  /** the OIDC issuer of the province's real-name system, where it publishes its keys, and this API's client id there */
  jwtIssuer: url('the issuer'),
  jwksUrl: url('the JWKS URL'),
  jwtAudience: z.string().check(z.minLength(1), z.maxLength(200)),
  /** the RFC 3161 time-stamp authority [E24] (often plain http: its answers are signed) */
  tsaUrl: url('the TSA URL'),
  /** COMPLIANCE: nobody, root included, shortens a lock [E18]; GOVERNANCE (development only) lets a dev bucket be emptied */
  objectLockMode: z.enum(['COMPLIANCE', 'GOVERNANCE']),
  throttleRateLimit: int(1, 10_000),
  throttleBurstLimit: int(1, 5_000),
  correctionWorkingDays: int(1, 90),
  followUpWorkingDays: int(1, 30),
  alertYellowShare: z.coerce.number().check(z.gt(0), z.lt(1)),
  /** X-Ray: the share of requests traced beyond a reservoir of `xrayReservoir` traces a second */
  xraySampleRate: z.coerce.number().check(z.gte(0), z.lte(1)),
  xrayReservoir: int(0, 100),
  /** the SNS topic every alarm notifies, firing and clearing (the operators' on-call subscribes to it) */
  alarmTopicArn: z.optional(z.string().check(z.regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'an SNS topic ARN'))),
});
export type PlatformConfig = z.infer<typeof Schema>;

/** What a deployment need not give. */
const DEFAULTS: Partial<Record<keyof PlatformConfig, unknown>> = {
  environment: 'production',
  objectLockMode: 'COMPLIANCE',
  throttleRateLimit: 500,
  throttleBurstLimit: 1000,
  correctionWorkingDays: 30,
  followUpWorkingDays: 5,
  alertYellowShare: 0.8,
  xraySampleRate: 0.05,
  xrayReservoir: 1,
};

const envName = (key: string) => `ZWFW_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

export class ConfigError extends Error {
  constructor(readonly faults: { key: string; message: string }[]) {
    super(`the deployment's configuration is not valid:\n${faults.map((f) => `  ${f.key} (-c ${f.key}=… or ${envName(f.key)}): ${f.message}`).join('\n')}`);
  }
}

/** The configuration from context (first) or the environment, defaults filled in, checked as a whole. */
export function loadConfig(context: (key: string) => unknown, env: Record<string, string | undefined> = process.env): PlatformConfig {
  const raw = Object.fromEntries(
    Object.keys(Schema.shape).map((key) => {
      const v = context(key) ?? env[envName(key)] ?? DEFAULTS[key as keyof PlatformConfig];
      return [key, v === '' ? undefined : v];
    }),
  );
  const parsed = z.safeParse(Schema, raw);
  const faults = parsed.success ? [] : parsed.error.issues.map((i) => ({ key: String(i.path[0] ?? '(config)'), message: raw[String(i.path[0])] === undefined ? 'required' : i.message }));
  if (parsed.success && parsed.data.objectLockMode === 'GOVERNANCE' && parsed.data.environment !== 'development')
    faults.push({ key: 'objectLockMode', message: `GOVERNANCE lets a privileged user shorten a lock: allowed only in development, not ${parsed.data.environment} [E18]` });
  if (parsed.success && parsed.data.throttleBurstLimit < parsed.data.throttleRateLimit / 10) faults.push({ key: 'throttleBurstLimit', message: 'below a tenth of the rate limit, every burst is refused' });
  if (faults.length) throw new ConfigError(faults);
  return parsed.data!;
}
