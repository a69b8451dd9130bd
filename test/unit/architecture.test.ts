import fs from 'node:fs';
import path from 'node:path';

/**
 * The architecture, checked: the domain is a core that imports nothing outside itself but `node:`
 * built-ins (its steps reach the world only through ports), and no module of `shared/` reaches back
 * into itself through a cycle.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.join(ROOT, 'shared');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file imports, type-only imports included (a type import is a dependency of the design too). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const resolve = (from: string, spec: string): string | undefined => {
  if (spec.startsWith('#shared/')) return path.join(SHARED, `${spec.slice('#shared/'.length)}.ts`);
  if (!spec.startsWith('.')) return undefined;
  const p = path.resolve(path.dirname(from), spec);
  return p.endsWith('.ts') ? p : fs.existsSync(`${p}.ts`) ? `${p}.ts` : p;
};

const rel = (p: string) => path.relative(ROOT, p);

describe('the domain is a core', () => {
  const domain = sources(path.join(SHARED, 'domain'));

  test('there is a domain to check', () => {
    expect(domain.length).toBeGreaterThan(30);
  });

  test('shared/domain imports only shared/domain and node: built-ins', () => {
    const outside = domain.flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          if (spec.startsWith('node:')) return false;
          const target = resolve(file, spec);
          return !target || !target.startsWith(path.join(SHARED, 'domain') + path.sep);
        })
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  test('the domain reads no environment and makes no SDK client', () => {
    const offenders = domain.filter((f) => /process\.env|@aws-sdk|new \w+Client\(/.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });
});

describe('the world is reached only through adapters', () => {
  test('outside shared/adapters, no module of shared/ reads the environment or imports an AWS SDK client', () => {
    const offenders = sources(SHARED)
      .filter((f) => !f.startsWith(path.join(SHARED, 'adapters') + path.sep))
      .filter((f) => /process\.env|from '@aws-sdk\//.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});

describe('no import cycles in shared/', () => {
  test('every module of shared/ is reached from its importers without coming back to itself', () => {
    const files = sources(SHARED);
    const graph = new Map(files.map((f) => [f, importsOf(f).map((s) => resolve(f, s)).filter((t): t is string => !!t && t.startsWith(SHARED))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f) ?? []) visit(t);
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) visit(f);
    expect(cycles).toEqual([]);
  });
});

describe('one gate', () => {
  test('nothing outside the gate compares a caller’s roles to decide an action', () => {
    // the gate and the rules it applies decide; everything else asks them
    const allowed = new Set(['shared/domain/access/gate.ts', 'shared/domain/rules/n13-staff-register.ts', 'shared/domain/rules/e18-destruction.ts', 'shared/domain/caller.ts', 'shared/domain/steps/intake.ts', 'shared/domain/actor.ts']);
    const offenders = [...sources(SHARED), ...sources(path.join(ROOT, 'functions'))]
      .filter((f) => !allowed.has(rel(f)))
      .filter((f) => /roles\.(includes|some)\(|hasRole\(/.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
