import type { Matter } from '../matter.ts';

/**
 * 平级相同 [N11]: regions of the same level under one parent implement the same matters with the same
 * steps, time limits and materials. Returns every difference, each naming what differs and the value
 * in every region, so a catalog office can see who is out of line.
 */
export type DifferenceKind = 'missing' | 'promiseDays' | 'legalDays' | 'steps' | 'materials';

export interface Difference {
  baseCode: string;
  name: string;
  handlingItem?: string;
  kind: DifferenceKind;
  /** region → its value (for `missing`: true where implemented, false where not) */
  values: Record<string, unknown>;
}

const stepsOf = (m: Matter) => m.steps.map((s) => `${s.name}:${s.days}`).join('→');
const materialsOf = (m: Matter) =>
  m.materials
    .map((x) => `${x.code}:${x.name}${x.required ? '' : '(选)'}${x.waivable ? '(免)' : ''}`)
    .sort()
    .join('；');

export function sameLevelDifferences(regions: string[], items: Matter[]): Difference[] {
  const groups = new Map<string, Map<string, Matter>>();
  for (const m of items) {
    if (!regions.includes(m.region) || m.status !== 'published') continue;
    const key = `${m.baseCode}|${m.handlingItem ?? ''}`;
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)!.set(m.region, m);
  }
  const out: Difference[] = [];
  for (const byRegion of groups.values()) {
    const any = byRegion.values().next().value as Matter;
    const base = { baseCode: any.baseCode, name: any.name, ...(any.handlingItem ? { handlingItem: any.handlingItem } : {}) };
    if (byRegion.size < regions.length) {
      out.push({ ...base, kind: 'missing', values: Object.fromEntries(regions.map((r) => [r, byRegion.has(r)])) });
    }
    const compare: [DifferenceKind, (m: Matter) => unknown][] = [
      ['promiseDays', (m) => m.promiseDays],
      ['legalDays', (m) => m.legalDays],
      ['steps', stepsOf],
      ['materials', materialsOf],
    ];
    for (const [kind, value] of compare) {
      const values = Object.fromEntries([...byRegion].map(([r, m]) => [r, value(m)]));
      if (new Set(Object.values(values).map((v) => JSON.stringify(v))).size > 1) out.push({ ...base, kind, values });
    }
  }
  return out.sort((a, b) => a.baseCode.localeCompare(b.baseCode) || (a.handlingItem ?? '').localeCompare(b.handlingItem ?? '') || a.kind.localeCompare(b.kind));
}
