import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { Case, NoticeKind } from '../../shared/domain/case';
import { makeNotice } from '../../shared/domain/notices';
import { FONT_FILE, FONT_SHA256, noticeFont } from '../../shared/adapters/pdf/font';
import { renderBookingPdf, renderLicencePdf, renderNoticePdf, wrap } from '../../shared/adapters/pdf/render';
import type { Booking } from '../../shared/domain/booking';
import { DEMO_HALLS } from '../../shared/catalog/demo-halls';
import { DEMO_FOOD_MATTER_CODE, matters } from '../../shared/catalog/demo-seed';
import type { Licence } from '../../shared/domain/licence';
import { licenceIdentifier } from '../../shared/domain/rules/e15-licence-identifier';
import { cnDate } from '../../shared/adapters/pdf/wording';
import { woffToSfnt } from '../../shared/adapters/pdf/woff';
import { subsetFont } from '../../shared/adapters/pdf/subset';
import { readTrueType } from '../../shared/adapters/pdf/truetype';
import { catalogTexts } from '../../scripts/notice-font-charset';
import { pdfFonts, pdfText } from '../support/pdf';
import { SAMPLE_AT, SAMPLE_CASE, SAMPLE_ISSUER } from '../support/notice-sample';

/** [N14] 文书: notices rendered as PDF with Chinese text, the typeface embedded as a subset. */
const [CASE, ISSUER, AT] = [SAMPLE_CASE, SAMPLE_ISSUER, SAMPLE_AT];

const textOf = async (kind: NoticeKind, body: Record<string, unknown>, c: Case = CASE) => {
  const n = makeNotice(c.caseId, kind, 2, AT, body);
  const pdf = await renderNoticePdf(c, n, ISSUER);
  return { pdf, notice: n, text: pdfText(pdf.bytes).join('\n').replace(/\s/g, '') };
};

describe('the typeface', () => {
  test('is the file scripts/notice-font.py makes (its hash is recorded)', () => {
    const bytes = readFileSync(path.join(__dirname, '../../shared/adapters/pdf', FONT_FILE));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(FONT_SHA256);
  });

  test('WOFF is inflated to a TrueType font fontkit reads, table by table', () => {
    const sfnt = noticeFont();
    expect(Buffer.from(sfnt).readUInt32BE(0)).toBe(0x00010000);
    const font = fontkit.create(Buffer.from(sfnt));
    expect(font.numGlyphs).toBeGreaterThan(9000);
    expect((font.glyphForCodePoint('陕'.codePointAt(0)!).path as unknown as { commands: unknown[] }).commands.length).toBeGreaterThan(10);
  });

  test('anything but WOFF 1.0 is refused with the reason', () => {
    expect(() => woffToSfnt(Buffer.from('%PDF-1.7 not a font'))).toThrow(/not a WOFF 1.0 font/);
  });

  test('holds every character the catalog can print: every region, township, department, matter and material name', () => {
    const font = fontkit.create(Buffer.from(noticeFont()));
    const missing = new Set<string>();
    for (const text of catalogTexts()) for (const ch of text) if (ch.codePointAt(0)! >= 0x20 && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
    // a new name with a character outside the font: run scripts/notice-font-charset.ts, then scripts/notice-font.py
    expect([...missing]).toEqual([]);
  });

  test('holds all of GB 2312 and rare characters of Shaanxi place names (豳 of 豳风街道, 墕, 坬)', () => {
    const font = fontkit.create(Buffer.from(noticeFont()));
    const gb = new TextDecoder('gb18030');
    const missing: string[] = [];
    for (let a = 0xb0; a <= 0xf7; a++)
      for (let b = 0xa1; b <= 0xfe; b++) {
        const ch = gb.decode(Uint8Array.of(a, b));
        const cp = ch.codePointAt(0)!;
        if (ch.length === 1 && !(cp >= 0xe000 && cp <= 0xf8ff) && !font.hasGlyphForCodePoint(cp)) missing.push(ch);
      }
    expect(missing).toEqual([]);
    for (const ch of '豳墕坬畛磻邽') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
  });
});

describe('the TrueType reader the renderer uses instead of fontkit', () => {
  test('reads the same glyphs and advance widths as fontkit, from the whole font', () => {
    const sfnt = noticeFont();
    const ours = readTrueType(sfnt);
    const theirs = fontkit.create(Buffer.from(sfnt));
    expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
    // fontkit lists U+FFFF, the end marker of a format-4 cmap, as a character; it is none
    expect(ours.characterSet.length).toBe(theirs.characterSet.filter((c) => c !== 0xffff).length);
    for (const ch of '陕西省政务服务网受理通知书，。（）ABCxyz0189豳墕') {
      const cp = ch.codePointAt(0)!;
      const g = theirs.glyphForCodePoint(cp);
      expect([ch, ours.glyphForCodePoint(cp).id, ours.glyphForCodePoint(cp).advanceWidth]).toEqual([ch, g.id, g.advanceWidth]);
    }
  });

  test('reads a HarfBuzz subset (cmap format 4): one glyph per character, .notdef for what it lacks', async () => {
    const sub = readTrueType(await subsetFont(noticeFont(), '受理通知书AB'));
    const expected = [...'受理通知书AB'].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
    expect(sub.characterSet.sort((a, b) => a - b)).toEqual(expected);
    const { glyphs } = sub.layout('受理X');
    expect(glyphs.map((g) => g.id === 0)).toEqual([false, false, true]);
    expect(glyphs[0].codePoints).toEqual(['受'.codePointAt(0)]);
    expect(sub.glyphForCodePoint('受'.codePointAt(0)!).advanceWidth).toBe(1000);
  });

  test('refuses what is not TrueType', () => {
    expect(() => readTrueType(Buffer.from('wOFF0000000000000000'))).toThrow(/not a TrueType font/);
  });
});

describe('a notice as PDF', () => {
  test('embeds one font, a subset of the typeface named with its six-letter tag, small', async () => {
    const { pdf } = await textOf('acceptance', { acceptedAt: AT, promiseDays: 15, deadline: '2026-12-21' });
    const fonts = await pdfFonts(pdf.bytes);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatchObject({ subtype: '/CIDFontType2' });
    expect(fonts[0].baseFont).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular$/);
    expect(fonts[0].embeddedBytes).toBeGreaterThan(1000);
    // the whole typeface is 1.7 MB even compressed
    expect(fonts[0].embeddedBytes).toBeLessThan(80_000);
    expect(pdf.bytes.byteLength).toBeLessThan(100_000);
  });

  test('is the same bytes each time it is rendered, so a retry cannot disagree with the recorded hash', async () => {
    const n = makeNotice(CASE.caseId, 'rejection', 2, AT, { reason: '不属于本机关职权范围' });
    const [a, b] = [await renderNoticePdf(CASE, n, ISSUER), await renderNoticePdf(CASE, n, ISSUER)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.sha256).toBe(b.sha256);
  });

  test('carries its title, dates and issuer in the document information, in Beijing time', async () => {
    const { pdf } = await textOf('withdrawal', {});
    const doc = await PDFDocument.load(pdf.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`撤回申请确认书（${CASE.caseId}.N2）`);
    expect(doc.getAuthor()).toBe(ISSUER.deptName);
    expect(doc.getCreationDate()?.toISOString()).toBe(AT);
    expect(cnDate('2026-11-30T17:00:00.000Z')).toBe('2026年12月1日');
  });

  test.each<[NoticeKind, Record<string, unknown>, string[]]>([
    ['receipt', { materials: [{ code: 'M01', name: '食品经营许可申请书', sha256: 'ab'.repeat(32) }, { code: 'M02', name: '营业执照', waived: true }], acceptingDept: { name: ISSUER.deptName }, acceptBy: '2026-12-04' }, ['接收回执', '1.食品经营许可申请书', '2.营业执照（免于提交', '2026年12月4日前', '行政许可法》第三十二条']],
    ['acceptance', { acceptedAt: AT, promiseDays: 15, deadline: '2027-01-04', deadlineProvisional: true, handlingDepts: ['A', 'B'], handlingDeptNames: { A: '雁塔区残联', B: '雁塔区民政局' } }, ['受理通知书', '决定予以受理', '15个工作日', '2027年1月4日前办结', '暂按周末推算', '雁塔区残联、雁塔区民政局2个部门并联审查']],
    ['acceptance', { acceptedAt: AT, promiseDays: 0, deadline: '2026-11-30' }, ['承诺办理时限：即办']],
    ['correction', { missing: [{ code: 'M04', name: '设备布局图' }, { code: 'M05', name: '规章制度目录' }], reason: '布局图未标注比例', answerBy: '2027-01-12' }, ['补齐补正告知书', '一次性告知', '1.设备布局图', '2.规章制度目录', '说明：布局图未标注比例', '请于2027年1月12日前']],
    ['rejection', { reason: '不属于本机关职权范围' }, ['不予受理通知书', '决定不予受理', '理由：不属于本机关职权范围', '六十日内依法申请行政复议', '六个月内依法向人民法院提起行政诉讼']],
    ['return', { reason: '申请事项应向莲湖区提出' }, ['退件通知书', '予以退件', '申请事项应向莲湖区提出']],
    ['extension', { days: 10, reason: '需要现场核查', deadline: '2027-01-18', approvedBy: '孙局长' }, ['延长办理期限告知书', '延长10个工作日', '2027年1月18日前办结', '第四十二条', '批准人：孙局长']],
    ['special_procedure', { procedure: 'expert_review', reason: '工艺复杂' }, ['特别程序告知书', '专家评审（工艺复杂）', '不计算在办理期限内']],
    ['decision', { outcome: 'approved', opinions: [{ dept: '610113-XZSP', deptName: '西安市雁塔区行政审批服务局', decision: 'approve', opinion: '符合条件' }], licenceId: 'LIC-1' }, ['决定书', '准予许可', '·西安市雁塔区行政审批服务局：同意，符合条件', '电子证照编号：LIC-1']],
    ['decision', { outcome: 'denied', opinions: [{ dept: '610113-MZ', decision: 'deny', reason: '不符合条件' }] }, ['不予许可', '不同意，不符合条件', '六十日内依法申请行政复议']],
    ['delivery', { documentId: 'X.N4', documentTitle: '决定书', method: 'electronic' }, ['送达回执', '送达文书：决定书（文书编号X.N4）', '电子送达', '受送达人：西安豳风餐饮有限公司']],
  ])('%s says what it must: %j', async (kind, body, phrases) => {
    const { text, notice } = await textOf(kind, body);
    for (const p of phrases) expect(text).toContain(p);
    // every notice: addressee, numbers, issuer, date, and the content hash to check it by
    for (const p of [`${CASE.applicant.name}：`, CASE.receiptNo, ISSUER.deptName, '2026年11月30日', notice.sha256, '第1页共1页']) expect(text).toContain(p);
  });

  test('a long correction runs onto further pages, each numbered and carrying the hash', async () => {
    const missing = Array.from({ length: 45 }, (_, i) => ({ code: `M${i}`, name: `第${i + 1}项材料：与食品经营相适应的主要设备设施、经营布局、操作流程等文件` }));
    const { pdf, notice } = await textOf('correction', { missing, reason: '材料不全', answerBy: '2027-01-12' });
    expect(pdf.pages).toBeGreaterThan(1);
    const pages = pdfText(pdf.bytes).map((p) => p.replace(/\s/g, ''));
    pages.forEach((p, i) => {
      expect(p).toContain(`第${i + 1}页共${pages.length}页`);
      expect(p).toContain(notice.sha256);
    });
    expect(pages.join('')).toContain('45.第45项材料');
  });

  test('a character the typeface lacks is printed as its code point and reported, not dropped', async () => {
    const c = { ...CASE, applicant: { ...CASE.applicant, name: '王𠀾' } } as Case;
    const { pdf, text } = await textOf('withdrawal', {}, c);
    expect(pdf.missing).toEqual(['𠀾']);
    expect(text).toContain('王[U+2003E]：');
  });
});

describe('line breaking', () => {
  test('closing punctuation never starts a line, and Latin runs stay whole', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(noticeFont(), { subset: true });
    const size = 14;
    const text = '经审查，申请材料齐全、符合法定形式。本机关决定予以受理，编号610113-20261128-ABCDEFGHJK。'.repeat(4);
    for (const width of [100, 137, 171, 229, 300]) {
      const lines = wrap(text, font, size, width, 0);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect('，。、；：？！）》」』”’').not.toContain(line[0]);
      for (const line of lines.slice(0, -1)) expect(font.widthOfTextAtSize(line, size)).toBeLessThanOrEqual(width + size);
    }
    expect(wrap('ABCDEFGHJK', font, size, 300, 0)).toEqual(['ABCDEFGHJK']);
  });
});

describe('an e-licence as PDF [E15]', () => {
  const LICENCE: Licence = {
    licenceId: licenceIdentifier({ typeCode: '11100000000000004', issuerCode: '11610113MB2955023L', serial: CASE.caseId.slice(2), version: 2 }),
    type: '11100000000000004',
    typeName: '食品经营许可证',
    caseId: CASE.caseId,
    matterCode: '005101008000-610113',
    holder: { type: 'person', name: '王小明', idType: 'resident_id', idNumber: '610113199001011234', sub: 'c1' },
    issuer: { dept: '610113-XZSP', name: '西安市雁塔区行政审批服务局', code: '11610113MB2955023L', region: '610113' },
    issuedAt: AT,
    validFrom: '2026-11-30',
    validUntil: '2031-11-29',
    version: 2,
    supersedes: 'earlier-version',
    status: 'valid',
    data: { 证照名称: '食品经营许可证', 持证主体: '王小明', 事项名称: '食品经营许可', 办件编号: CASE.caseId, 颁证单位: '西安市雁塔区行政审批服务局', 颁证日期: '2026-11-30', 有效期至: '2031-11-29', 经营项目: '预包装食品销售' },
    signature: Buffer.alloc(72, 7).toString('base64'),
    keyId: 'local-p256',
  };

  test('prints its identifier, type, holder, every field of its data, its validity, issuer and signature; a person’s identity number only in part', async () => {
    const pdf = await renderLicencePdf(LICENCE);
    const text = pdfText(pdf.bytes).join('\n').replace(/\s/g, '');
    for (const s of [LICENCE.licenceId, '食品经营许可证', '第2版', '证照类型代码：11100000000000004', '持证主体：王小明', '经营项目：预包装食品销售', '办件编号：' + CASE.caseId, '2026年11月30日至2031年11月29日', '11610113MB2955023L', LICENCE.signature, '同等法律效力'])
      expect(text).toContain(s.replace(/\s/g, ''));
    expect(text).toContain('证件号码：610113********1234');
    expect(text).not.toContain('610113199001011234');
    expect(pdf.missing).toEqual([]);
  });

  test('an enterprise’s 统一社会信用代码 is printed whole; a licence without an end date is 长期有效', async () => {
    const { validUntil: _v, ...open } = LICENCE;
    const pdf = await renderLicencePdf({ ...open, holder: { type: 'org', name: '西安豳风餐饮有限公司', idNumber: '91610113MA6U00000X' } });
    const text = pdfText(pdf.bytes).join('').replace(/\s/g, '');
    expect(text).toContain('统一社会信用代码：91610113MA6U00000X');
    expect(text).toContain('自2026年11月30日起长期有效');
  });

  test('is the same bytes each time, with the licence in its document information', async () => {
    const [a, b] = [await renderLicencePdf(LICENCE), await renderLicencePdf(LICENCE)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const doc = await PDFDocument.load(a.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`食品经营许可证（${LICENCE.licenceId}）`);
    expect(doc.getAuthor()).toBe('西安市雁塔区行政审批服务局');
    expect(doc.getCreationDate()?.toISOString()).toBe(AT);
  });
});

describe('a booking notice (网上预约回执) as PDF [H20]', () => {
  const HALL = DEMO_HALLS.find((h) => h.hallId === '610113')!;
  const MATTER = matters.find((m) => m.code === DEMO_FOOD_MATTER_CODE)!;
  const BOOKING: Booking = {
    bookingId: 'BKABCDEFGHJKMNPQRSTV23',
    checkInCode: '048213',
    hallId: '610113',
    windowId: 'W02',
    slotId: '610113.W02.20261203T0920',
    date: '2026-12-03',
    start: '09:20',
    end: '09:40',
    matterCode: MATTER.code,
    matterName: MATTER.name,
    status: 'booked',
    booker: { sub: 'c-wang', name: '王小明', idType: 'resident_id', idNumber: '610113199001011230' },
    bookedAt: '2026-12-01T06:30:00.000Z',
    version: 1,
  };

  test('prints who booked what, where, when, the check-in code and when it opens, what to bring and how to cancel; the identity number only in part', async () => {
    const pdf = await renderBookingPdf(BOOKING, HALL, MATTER);
    const text = pdfText(pdf.bytes).join('\n').replace(/\s/g, '');
    for (const s of ['网上预约回执', BOOKING.bookingId, '王小明', MATTER.name, '雁塔区政务服务中心', '食品经营许可窗口（W02）', '2026年12月3日（星期四）09:20—09:40', '签到码：048213', '08:20至09:40', '爽约', '取消预约'])
      expect(text).toContain(s.replace(/\s/g, ''));
    for (const m of MATTER.materials.filter((x) => x.required)) expect(text).toContain(m.name.replace(/\s/g, ''));
    expect(text).toContain('610***********1230');
    expect(text).not.toContain('610113199001011230');
    expect(pdf.missing).toEqual([]);
    // a slip: one page, even with the five materials of a food licence
    expect(pdf.pages).toBe(1);
  });

  test('is the same bytes each time, dated when it was booked', async () => {
    const [a, b] = [await renderBookingPdf(BOOKING, HALL, MATTER), await renderBookingPdf(BOOKING, HALL, MATTER)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const doc = await PDFDocument.load(a.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`网上预约回执（${BOOKING.bookingId}）`);
    expect(doc.getCreationDate()?.toISOString()).toBe(BOOKING.bookedAt);
  });
});
