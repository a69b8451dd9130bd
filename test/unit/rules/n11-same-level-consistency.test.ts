import { sameLevelDifferences } from '#shared/domain/rules/n11-same-level-consistency';
import { matters } from '#shared/catalog/demo-seed';
import type { Matter } from '#shared/domain/matter';

const food = (region: string) => structuredClone(matters.find((m) => m.region === region && m.name === '食品经营许可')!) as Matter;

describe('平级相同 [N11]: same-level regions implement the same matters the same way', () => {
  test('two districts with the same food licence guide show no difference for it', () => {
    const diffs = sameLevelDifferences(['610113', '610104'], [food('610113'), food('610104')]);
    expect(diffs).toEqual([]);
  });

  test('a district promising fewer days is listed with each region’s value', () => {
    const a = food('610113');
    a.promiseDays = 3;
    const diffs = sameLevelDifferences(['610113', '610104'], [a, food('610104')]);
    expect(diffs).toEqual([expect.objectContaining({ kind: 'promiseDays', values: { '610113': 3, '610104': 5 } })]);
  });

  test('different materials or steps are listed; a matter one district lacks is listed as missing', () => {
    const a = food('610113');
    a.materials = a.materials.filter((m) => m.code !== 'M05');
    a.steps = [...a.steps.slice(0, 2), { name: '审查', days: 3 }];
    const diffs = sameLevelDifferences(['610113', '610104', '610102'], [a, food('610104')]);
    expect(diffs.map((d) => d.kind).sort()).toEqual(['materials', 'missing', 'steps']);
    expect(diffs.find((d) => d.kind === 'missing')!.values).toEqual({ '610113': true, '610104': true, '610102': false });
  });

  test('items of other regions or not published are ignored', () => {
    const a = food('610113');
    const b = { ...food('610104'), status: 'suspended' as const, promiseDays: 1 };
    expect(sameLevelDifferences(['610113'], [a, b])).toEqual([]);
  });
});
