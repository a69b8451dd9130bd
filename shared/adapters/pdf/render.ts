import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { sha256Hex } from '../../domain/audit.ts';
import type { Case, Notice } from '../../domain/case.ts';
import type { Issuer, NoticeRenderer, RenderedNotice } from '../../domain/ports.ts';
import { noticeFont } from './font.ts';
import type { Licence } from '../../domain/licence.ts';
import { licenceParagraphs } from './licence-wording.ts';
import { bookingParagraphs } from './booking-wording.ts';
import type { Booking } from '../../domain/booking.ts';
import type { Hall } from '../../domain/hall.ts';
import type { Matter } from '../../domain/matter.ts';
import { noticeParagraphs, type Block } from './wording.ts';
import { subsetFont } from './subset.ts';
import { embedTrueType } from './truetype.ts';

// A4 in points, with the margins of GB/T 9704 (党政机关公文格式: 37 mm top, 28 mm left, 26 mm right, 35 mm bottom)
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 105, left: 79, right: 74, bottom: 99 };
const BODY_SIZE = 14;
const LINE = BODY_SIZE * 1.75;
const INK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

/** Characters that may not begin a line (避头点, GB/T 15834 usage): they stay at the end of the previous one. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’…%,.;:?!)');

/** What a document prints and how it is filed: its blocks, the footer on every page, its metadata. */
export interface PdfDocument {
  blocks: Block[];
  footer: string;
  title: string;
  author: string;
  subject: string;
  /** when it was issued: the PDF's creation and modification dates, so the bytes never depend on when it is rendered */
  at: string;
}

/**
 * A notice (文书) as a PDF [N14]: Chinese text in Noto Sans SC, the font embedded and cut down to the
 * glyphs the notice prints. The bytes depend only on the case and the notice, so rendering twice gives
 * the same file and the same hash: a retry or a second renderer cannot leave S3 and the case record
 * disagreeing.
 */
export function renderNoticePdf(c: Case, notice: Notice, issuer: Issuer): Promise<RenderedNotice> {
  return renderPdf({
    blocks: noticeParagraphs(c, notice, issuer),
    footer: `文书编号 ${notice.noticeId}　内容摘要（SHA-256）${notice.sha256}`,
    title: `${notice.title}（${notice.noticeId}）`,
    author: issuer.deptName,
    subject: c.matterName,
    at: notice.issuedAt,
  });
}

/** An e-licence's PDF rendition [E15]: its 照面 as issued, its identifier and signature, the same way a notice is made. */
export function renderLicencePdf(licence: Licence): Promise<RenderedNotice> {
  return renderPdf({ blocks: licenceParagraphs(licence), footer: `证照标识 ${licence.licenceId}`, title: `${licence.typeName}（${licence.licenceId}）`, author: licence.issuer.name, subject: licence.typeName, at: licence.issuedAt });
}

/** A booking notice (预约回执) [H20]: rendered when asked for, never stored (the booking is the record), the same bytes each time. */
export function renderBookingPdf(b: Booking, hall: Hall, matter: Matter | undefined): Promise<RenderedNotice> {
  return renderPdf({ blocks: bookingParagraphs(b, hall, matter), footer: `预约编号 ${b.bookingId}　签到码仅限本人本次预约使用`, title: `网上预约回执（${b.bookingId}）`, author: hall.name, subject: b.matterName, at: b.bookedAt });
}

/**
 * Blocks of text as an A4 PDF: fixed dates, a subset font whose name is derived from its content, no
 * random document id; every page carries the footer and its place in the whole.
 */
export async function renderPdf(d: PdfDocument): Promise<RenderedNotice> {
  const { blocks, footer } = d;
  const allText = blocks.map((b) => b.text).join('') + footer + '第页共0123456789 /[]U+ABCDEF';
  const subset = await subsetFont(noticeFont(), allText);

  const doc = await PDFDocument.create({ updateMetadata: false });
  // a subset font's name starts with a six-letter tag (ISO 32000-1 §9.6.4); taken from its content, not random
  const tag = [...sha256Hex(Buffer.from(subset)).slice(0, 6)].map((h) => String.fromCharCode(65 + (parseInt(h, 16) % 26))).join('');
  const font = embedTrueType(doc, subset, `${tag}+NotoSansSC-Regular`);
  const covered = new Set(font.getCharacterSet());
  const missing = new Set<string>();
  const printable = (s: string) =>
    [...s]
      .map((ch) => {
        const cp = ch.codePointAt(0)!;
        if (covered.has(cp) || ch === ' ') return ch;
        missing.add(ch);
        return `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
      })
      .join('');

  const issued = new Date(d.at);
  doc.setTitle(d.title);
  doc.setAuthor(d.author);
  doc.setSubject(d.subject);
  doc.setCreator('陕西政务服务网');
  doc.setProducer('陕西政务服务网 zwfw notices');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  doc.setLanguage('zh-CN');

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - MARGIN.top;
  };
  newPage();
  const width = PAGE.width - MARGIN.left - MARGIN.right;

  for (const block of blocks) {
    const size = block.style === 'title' ? 22 : block.style === 'small' ? 10.5 : BODY_SIZE;
    const lineHeight = block.style === 'title' ? 44 : size * 1.75;
    const indent = block.style === 'paragraph' ? size * 2 : 0;
    const lines = wrap(printable(block.text), font, size, width, indent);
    if (block.spaceBefore) y -= block.spaceBefore;
    lines.forEach((line, i) => {
      if (y - lineHeight < MARGIN.bottom) newPage();
      const lineWidth = font.widthOfTextAtSize(line, size);
      const x =
        block.align === 'center'
          ? MARGIN.left + (width - lineWidth) / 2
          : block.align === 'right'
            ? PAGE.width - MARGIN.right - lineWidth
            : MARGIN.left + (i === 0 ? indent : 0);
      y -= lineHeight;
      page.drawText(line, { x, y, size, font, color: block.style === 'small' ? GREY : INK });
    });
  }

  // every page carries the document number and the content hash, and its place in the whole
  const footerLines = wrap(printable(footer), font, 8, width, 0);
  pages.forEach((p, i) => {
    footerLines.forEach((line, j) => p.drawText(line, { x: MARGIN.left, y: 60 - j * 11, size: 8, font, color: GREY }));
    const num = `第 ${i + 1} 页 共 ${pages.length} 页`;
    p.drawText(num, { x: PAGE.width - MARGIN.right - font.widthOfTextAtSize(num, 9), y: 36, size: 9, font, color: GREY });
  });

  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, sha256: sha256Hex(Buffer.from(bytes)), pages: pages.length, missing: [...missing] };
}

/**
 * Breaks text by width: Chinese character by character, a run of Latin letters or digits (a code, a
 * date, a hash) kept whole unless it is wider than the line; closing punctuation never starts a line.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number, firstIndent: number): string[] {
  const tokens = (text.match(/\[U\+[0-9A-F]+\]|[A-Za-z0-9]+|./gsu) ?? []).flatMap((t) => (font.widthOfTextAtSize(t, size) > width ? [...t] : [t]));
  const lines: string[] = [];
  let line = '';
  let room = width - firstIndent;
  for (const token of tokens) {
    const next = line + token;
    if (line && font.widthOfTextAtSize(next, size) > room && !NO_LINE_START.has(token)) {
      lines.push(line);
      line = token.trimStart();
      room = width;
    } else line = next;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}


/** Notices [N14], licences [E15] and booking notices [H20] as PDF documents. */
export const pdfRenderer: NoticeRenderer = { render: renderNoticePdf, licence: renderLicencePdf, booking: renderBookingPdf };
