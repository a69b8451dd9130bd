import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import type { NoticeKind } from '../shared/domain/case.ts';
import { makeNotice } from '../shared/domain/notices.ts';
import { renderNoticePdf } from '../shared/adapters/pdf/render.ts';
import { pdfFonts } from '../test/support/pdf.ts';
import { SAMPLE_AT, SAMPLE_CASE, SAMPLE_ISSUER } from '../test/support/notice-sample.ts';
import { pct } from './search-index.ts';
import { ESBUILD_TARGET } from '../infra/constructs/runtime.ts';

/**
 * `npm run bench:notices` (issue 4 item 5): what a notice PDF costs. Each kind rendered 30 times in
 * this process (warm: font inflated, HarfBuzz loaded), its size and the size of its embedded font
 * subset; and the cold path in fresh processes, as a Lambda cold start meets it: loading the notices
 * bundle, then the first render (inflating the 1.7 MB WOFF, instantiating HarfBuzz). Printed, never asserted.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const [CASE, ISSUER, AT] = [SAMPLE_CASE, SAMPLE_ISSUER, SAMPLE_AT];
const material = (i: number) => ({ code: `M0${i}`, name: ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '主要设备设施布局、操作流程等文件', '食品安全规章制度目录清单'][i % 5], sha256: 'ab'.repeat(32) });
const BODIES: [NoticeKind, Record<string, unknown>][] = [
  ['receipt', { materials: [0, 1, 2, 3, 4].map(material), acceptingDept: { name: ISSUER.deptName }, acceptBy: '2026-12-04' }],
  ['acceptance', { acceptedAt: AT, promiseDays: 15, deadline: '2026-12-21', handlingDepts: ['610113-XZSP'] }],
  ['correction', { missing: [3, 4].map((i) => ({ code: `M0${i}`, name: material(i).name })), reason: '布局图未标注比例；制度目录缺少进货查验记录制度', answerBy: '2027-01-12' }],
  ['rejection', { reason: '申请事项不属于本机关职权范围，请向西安市莲湖区行政审批服务局申请' }],
  ['return', { reason: '逾期未补正' }],
  ['extension', { days: 10, reason: '需要现场核查', deadline: '2027-01-18', approvedBy: '孙局长' }],
  ['special_procedure', { procedure: 'expert_review', reason: '工艺复杂' }],
  ['decision', { outcome: 'approved', opinions: [{ dept: '610113-XZSP', decision: 'approve', opinion: '符合条件，准予许可' }], licenceId: 'LIC-610113-2026-000123' }],
  ['delivery', { documentId: `${CASE.caseId}.N4`, documentTitle: '决定书', method: 'electronic' }],
];

async function main() {
  console.log(`kind               runs  p50 ms  p99 ms   PDF bytes  font subset bytes`);
  for (const [kind, body] of BODIES) {
    const notice = makeNotice(CASE.caseId, kind, 2, AT, body);
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof renderNoticePdf>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      last = await renderNoticePdf(CASE, notice, ISSUER);
      times.push(performance.now() - t);
    }
    const [font] = await pdfFonts(last!.bytes);
    console.log(`${kind.padEnd(18)} ${String(RUNS).padStart(4)}  ${pct(times, 50).toFixed(1).padStart(6)}  ${pct(times, 99).toFixed(1).padStart(6)}  ${String(last!.bytes.byteLength).padStart(10)}  ${String(font.embeddedBytes).padStart(17)}`);
  }

  // the cold path, bundled as the Lambda bundles it (minified, CJS, the Lambda's Node), font and wasm beside it
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-notices-'));
  const entry = path.join(dir, 'entry.ts');
  fs.writeFileSync(entry, `export { renderNoticePdf } from ${JSON.stringify(path.resolve(__dirname, '../shared/adapters/pdf/render.ts'))};\nexport { makeNotice } from ${JSON.stringify(path.resolve(__dirname, '../shared/domain/notices.ts'))};\n`);
  buildSync({ entryPoints: [entry], bundle: true, minify: true, platform: 'node', format: 'cjs', target: ESBUILD_TARGET, outfile: path.join(dir, 'index.js'), external: ['@aws-sdk/*'], logLevel: 'silent' });
  fs.copyFileSync(path.resolve(__dirname, '../shared/adapters/pdf/NotoSansSC-Regular.woff'), path.join(dir, 'NotoSansSC-Regular.woff'));
  fs.copyFileSync(path.resolve(__dirname, '../node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'), path.join(dir, 'harfbuzz-subset.wasm'));
  const js = fs.readFileSync(path.join(dir, 'index.js'));
  console.log(`\nrenderer bundle: index.js ${(js.length / 1024).toFixed(0)} KiB (${(gzipSync(js).length / 1024).toFixed(0)} KiB gzip) + font 1,681 KiB (WOFF) + HarfBuzz 668 KiB (wasm)`);
  const probe = `const { performance } = require('node:perf_hooks'); const t0 = performance.now(); const m = require(process.argv[1]); const t1 = performance.now();
    const c = JSON.parse(process.argv[2]); const n = m.makeNotice(c.caseId, 'acceptance', 2, '${AT}', { acceptedAt: '${AT}', promiseDays: 15, deadline: '2026-12-21' });
    m.renderNoticePdf(c, n, ${JSON.stringify(ISSUER)}).then(async () => { const t2 = performance.now(); await m.renderNoticePdf(c, n, ${JSON.stringify(ISSUER)}); const t3 = performance.now(); console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2])); });`;
  const cold = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ['-e', probe, path.join(dir, 'index.js'), JSON.stringify(CASE)], { encoding: 'utf8' })) as number[]);
  const med = (i: number) => pct(cold.map((c) => c[i]), 50).toFixed(0);
  console.log(`cold, fresh process, median of 5: module load ${med(0)} ms, first render ${med(1)} ms (font inflate + HarfBuzz + pdf-lib warm-up), second render ${med(2)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
