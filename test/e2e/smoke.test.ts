import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { endpoints } from './client';

/**
 * `npm run smoke -- --target local` as an operator runs it, against the platform the suite started:
 * the citizen journey on the typed client, through both departments' review to the archive, and the
 * Object Lock refusing to delete the package version. The same script runs against LocalStack and AWS.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const smoke = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'smoke.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });

describe('npm run smoke', () => {
  test('--target local: every step of the journey passes and the locked package cannot be deleted', () => {
    const r = smoke(['--target', 'local', '--endpoints', process.env.E2E_ENDPOINTS!]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const passed = r.stdout.split('\n').filter((l) => l.includes('✓')).map((l) => l.replace(/^\s*✓ /, '').replace(/\s+\d+ ms.*$/, ''));
    expect(passed).toEqual([
      'search the catalog',
      'read the guide',
      'upload two materials',
      'file the case',
      'the window asks for a correction',
      'the citizen corrects',
      'the window accepts',
      'forwarded to both departments',
      'both departments approve',
      'one result, archived',
      'the archive holds it under lock',
      'the Object Lock refuses to delete it',
    ]);
    expect(r.stdout).toMatch(/610113-CL \+ 610113-MZ/);
    expect(r.stdout).toMatch(/approved, 2 opinions/);
    expect(r.stdout).toMatch(/AccessDenied; the version is still there/);
    expect(r.stdout).toMatch(/smoke passed: case ZW\d{8}\w+, 12 steps, \d+ API requests and 3 uploads/);
  }, 120_000);

  test('a step that fails fails the run (exit 1), naming the step', () => {
    const r = smoke(['--target', 'local', '--endpoints', process.env.E2E_ENDPOINTS!, '--matter', '000540001000-610113-XX']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ searching 两项补贴 in 610113 did not find 000540001000-610113-XX/);
    expect(r.stdout).not.toMatch(/smoke passed/);
  }, 60_000);

  test('a target it cannot find is named, with what to do (exit 2)', () => {
    expect(smoke(['--target', 'mars'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/--target is local, localstack or aws/) });
    expect(smoke(['--target', 'aws', '--outputs', 'nowhere.json'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/no .*nowhere\.json: deploy with npm run deploy/) });
    expect(smoke(['--target', 'local', '--endpoints', 'nowhere.json'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/start the platform first \(npm start\)/) });
  }, 60_000);

  test('--target localstack reads the stack outputs the deploy wrote and the deployment’s issuer (here pointed at the local runtime’s stores)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smoke-'));
    try {
      const outputs = path.join(dir, 'cdk-outputs-localstack.json');
      const archive = Object.entries(endpoints.s3.buckets).find(([k]) => k.startsWith('ArchiveBucket'))![1];
      fs.writeFileSync(outputs, JSON.stringify({ 'Zwfw-Api': { ApiUrl: `${endpoints.apiUrl}/` }, 'Zwfw-Data': { ArchiveBucketName: archive } }));
      const env = { AWS_ENDPOINT_URL: endpoints.s3.endpoint, AWS_ACCESS_KEY_ID: endpoints.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: endpoints.credentials.secretAccessKey, ZWFW_COMPANIONS_URL: `${endpoints.apiUrl}/local` };
      const r = smoke(['--target', 'localstack', '--outputs', outputs], env);
      expect([r.status, r.stdout.match(/smoke passed.*/)?.[0]]).toEqual([0, expect.stringMatching(/12 steps/)]);
      expect(r.stdout).toMatch(/^smoke test of localstack: /);
      fs.writeFileSync(outputs, JSON.stringify({ 'Zwfw-Api': { ApiUrl: endpoints.apiUrl } }));
      expect(smoke(['--target', 'localstack', '--outputs', outputs], env)).toMatchObject({ status: 2, stderr: expect.stringMatching(/lacks Zwfw-Data\.ArchiveBucketName/) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
