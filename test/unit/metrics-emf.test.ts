import { metrics } from '#shared/adapters/metrics';

/**
 * Business metrics as CloudWatch EMF [N20]: platform-wide, and for a case's metric one dimension set
 * each for city, channel and matter type, never a combination of them and never a county, department or
 * case: the number of custom metrics stays a few dozen however many departments there are.
 */
function emitted(run: () => void): { Dimensions: string[][]; doc: Record<string, unknown> }[] {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
  try {
    run();
  } finally {
    spy.mockRestore();
    log.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l))
    .map((doc) => ({ Dimensions: doc._aws.CloudWatchMetrics[0].Dimensions, doc }));
}

describe('EMF dimensions', () => {
  test('a case’s count: one platform-wide line, one with city, channel and matter type as separate sets', () => {
    const out = emitted(() => metrics.count('CaseSubmitted', { city: '610100', channel: 'online', matterType: '行政许可' }));
    expect(out.map((o) => o.Dimensions)).toEqual([[['service']], [['service', 'city'], ['service', 'channel'], ['service', 'matterType']]]);
    expect(out[1].doc).toMatchObject({ city: '610100', channel: 'online', matterType: '行政许可', CaseSubmitted: 1 });
    for (const o of out) expect(Object.keys(o.doc).filter((k) => ['caseId', 'dept', 'region', 'county'].includes(k))).toEqual([]);
  });

  test('a count without a case is platform-wide only; an evaluation carries its score sum the same way', () => {
    expect(emitted(() => metrics.count('ArchivePackageChecked')).map((o) => o.Dimensions)).toEqual([[['service']]]);
    const ev = emitted(() => metrics.evaluation(2, { city: '610100', channel: 'window' }));
    expect(ev.map((o) => o.Dimensions)).toEqual([[['service']], [['service', 'city'], ['service', 'channel']]]);
    expect(ev[0].doc).toMatchObject({ Evaluation: 1, EvaluationScore: 2 });
  });
});
