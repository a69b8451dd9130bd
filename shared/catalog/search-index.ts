import { gunzipSync } from 'node:zlib';

/**
 * A compact, in-memory search index over the published catalog (事项库) [N8], built when the catalog is
 * published, stored in S3 and loaded once per cold start by the lookup Lambda. See SEARCH.md beside this
 * file for the design, the segmenter evaluation and the figures.
 *
 * Matching (the same semantics as the naive reference in test/unit/search-index.test.ts):
 * - the query is split into terms on white space and on `,` `;` `、` (after NFKC, so full-width forms
 *   count too); each term is normalised like the catalog texts (NFKC, lower case, punctuation, symbols
 *   and spaces removed) and empty terms are dropped;
 * - an item matches when EVERY term (in any order) is a substring of one of its texts — the full name
 *   (name followed by the handling item, so `食品经营许可变更` works), a keyword, or the department
 *   name — or is a prefix (at least MIN_CODE_PREFIX characters, or the whole code) of its
 *   implementation code or base code;
 * - a term that matches nothing in the whole catalog is split into words (splitTerm: Intl.Segmenter,
 *   without query verbs like 办理), which then count as terms: `护士注册` → 护士 注册,
 *   `经营食品许可` → 经营 食品 许可, `办理营业执照` → 营业 执照;
 * - rank: 0 the whole query (terms joined) is the name or the full name; 1 the full name starts with
 *   it; 2 every term is in the full name; 3 every term is in the name or keywords; 4 anything else
 *   (needed the department name or a code). Within a rank the caller's own region first, then their
 *   city, then the province (see visibleRegions); then by code.
 *
 * Under the hood the ~10⁵ items share a few thousand distinct texts, so every string lives once in a
 * table; text search runs over the distinct texts (character bigram postings, verified by substring),
 * and the per-query item pass is a scan of small typed-array columns over the candidates: the items of
 * the caller's three regions when `region` is given (a few thousand), the department's when `dept`
 * is, else the rarest term's item postings (or every item, when that term is common).
 */

import { regionByCode, visibleRegionCodes } from './regions.ts';

export interface IndexedItem {
  code: string;
  baseCode: string;
  name: string;
  type: string;
  level: 'province' | 'city' | 'county' | 'township';
  dept: string;
  deptName: string;
  /** 6-digit region code; for a township item (乡镇（街道）), its 9-digit township code */
  region: string;
  regionName: string;
  promiseDays: number;
  legalDays: number;
  onlineDepth: number;
  handlingItem?: string;
  keywords: string[];
}

export interface IndexQuery {
  q?: string;
  region?: string;
  dept?: string;
  type?: string;
  limit: number;
  cursor?: string;
}

export interface LoadOptions {
  /**
   * With no region or department to narrow by, the item pass takes the rarest term's postings when
   * they hold fewer than 1/postingsRatio of the items, else scans every item (0: always scan). 4 by
   * default, the best of 2, 4 and 8 in bench/search-index.ts.
   */
  postingsRatio?: number;
}

export interface IndexPage {
  items: IndexedItem[];
  nextCursor: string | null;
  total: number;
}

/** A cursor that this index did not issue for this query (another query, or garbage). */
export class BadCursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadCursor';
  }
}

/** A code term shorter than this must equal a code; from this length on, a prefix is enough. */
export const MIN_CODE_PREFIX = 4;

const LEVELS = ['province', 'city', 'county', 'township'] as const;
const RANKS = 5;
const CLASSES = 3;

// ── normalisation (shared by the index and the naive reference in the tests) ─────────────────────

const STRIP = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]+/gu;
const SPLIT = /[\s,;、]+/u;

/** NFKC (full-width → half-width, compatibility ideographs → unified), lower case, no punctuation, symbols or spaces. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(STRIP, '');
}

/** The query's terms, normalised, in the order typed. */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q.normalize('NFKC').split(SPLIT).map(normalize).filter(Boolean);
}

/** Query words that say what the person wants to do, not what: dropped when a term is split into words. */
const QUERY_STOP = new Set(['办理', '办', '申请', '申领', '怎么', '怎样', '如何', '我要', '我想', '想', '要', '哪里', '在哪', '在哪里', '需要', '什么', '的', '了', '吗', '呢']);
let segmenter: Intl.Segmenter | undefined;

/**
 * The words of a term that matched nothing (ICU's dictionary word break, built into Node): normalised,
 * without query verbs (QUERY_STOP), and without one-character words when longer ones remain.
 */
export function splitTerm(term: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return [term]; // a Node built without ICU: no fallback
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const s of segmenter.segment(term)) {
    if (!s.isWordLike) continue;
    const w = normalize(s.segment);
    if (w && !QUERY_STOP.has(w)) words.push(w);
  }
  const long = words.filter((w) => w.length > 1);
  return long.length ? long : words;
}

/**
 * The regions whose items a person in `region` can apply for: their county, their city, the province
 * (杨凌示范区 is a city-level region of its own, see regions.ts); from a 9-digit township code, the
 * township's own items come first. A code the region list does not know is taken by its digits.
 */
export function visibleRegions(region: string): string[] {
  if (/^\d{9}$/.test(region)) return [region, ...visibleRegions(region.slice(0, 6))];
  if (regionByCode(region)) return visibleRegionCodes(region);
  return [...new Set([region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`])];
}

// ── binary layout ────────────────────────────────────────────────────────────────────────────────
//
// "SXSI", u8 version, padding to 4; then, in this order: the string table; the item codes (in code
// order: item id = position); the base-code table (string ids, in normalised-code order); the profile
// table (name, handling item + 1 or 0, keyword-list start, and the pool of keyword string ids); the
// department table (code, name); the region table (code, name); the type table; and one column per
// item field (base code, profile, department, region, type, level, promised days, legal days, online
// depth). Strings are stored once, as one UTF-8 blob plus a column of UTF-16 lengths; numbers as
// columns of fixed width (1, 2 or 4 bytes, the smallest that holds the column's maximum) with their
// own count, little-endian and aligned, so that loading is a typed-array view, not a decode.

const MAGIC = [0x53, 0x58, 0x53, 0x49]; // "SXSI"
const VERSION = 1;

class Writer {
  private buf = new Uint8Array(1 << 16);
  len = 0;
  private ensure(n: number) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  u8(v: number) {
    this.ensure(1);
    this.buf[this.len++] = v;
  }
  u32(v: number) {
    this.ensure(4);
    this.buf[this.len++] = v & 0xff;
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = (v >>> 16) & 0xff;
    this.buf[this.len++] = (v >>> 24) & 0xff;
  }
  align(n: number) {
    while (this.len % n) this.u8(0);
  }
  bytes(b: Uint8Array) {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  /** A column of unsigned integers: u8 width, u32 count, padding to the width, then the values. */
  column(values: ArrayLike<number>) {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`cannot store ${v} in the index`);
      if (v > max) max = v;
    }
    const width = max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
    this.u8(width);
    this.u32(values.length);
    this.align(width);
    this.ensure(values.length * width);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      for (let b = 0; b < width; b++) this.buf[this.len++] = (v >>> (8 * b)) & 0xff;
    }
  }
  /** Strings: a column of UTF-16 lengths, then u32 byte length and the UTF-8 blob of them all. */
  strings(list: string[]) {
    this.column(list.map((s) => s.length));
    const blob = new TextEncoder().encode(list.join(''));
    this.u32(blob.length);
    this.bytes(blob);
    this.align(4);
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

type Column = Uint8Array | Uint16Array | Uint32Array;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

class Reader {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}
  private need(n: number) {
    if (this.pos + n > this.b.length) throw new Error('search index is truncated');
  }
  u8(): number {
    this.need(1);
    return this.b[this.pos++];
  }
  u32(): number {
    this.need(4);
    const b = this.b;
    const p = this.pos;
    this.pos += 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }
  align(n: number) {
    this.pos = Math.ceil(this.pos / n) * n;
  }
  column(): Column {
    const width = this.u8();
    const count = this.u32();
    this.align(width);
    this.need(count * width);
    const start = this.b.byteOffset + this.pos;
    this.pos += count * width;
    if (width === 1) return new Uint8Array(this.b.buffer, start, count);
    if (width !== 2 && width !== 4) throw new Error(`search index has a column of width ${width}`);
    if (LITTLE_ENDIAN) return width === 2 ? new Uint16Array(this.b.buffer, start, count) : new Uint32Array(this.b.buffer, start, count);
    const out = width === 2 ? new Uint16Array(count) : new Uint32Array(count);
    const view = new DataView(this.b.buffer, start, count * width);
    for (let i = 0; i < count; i++) out[i] = width === 2 ? view.getUint16(i * 2, true) : view.getUint32(i * 4, true);
    return out;
  }
  strings(): { text: string; offsets: Uint32Array } {
    const lengths = this.column();
    const bytes = this.u32();
    this.need(bytes);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(this.b.subarray(this.pos, this.pos + bytes));
    this.pos += bytes;
    this.align(4);
    const offsets = new Uint32Array(lengths.length + 1);
    for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i] + lengths[i];
    if (offsets[lengths.length] !== text.length) throw new Error('search index strings do not add up');
    return { text, offsets };
  }
}

function sliceAll(s: { text: string; offsets: Uint32Array }): string[] {
  const out = new Array<string>(s.offsets.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = s.text.slice(s.offsets[i], s.offsets[i + 1]);
  return out;
}

// ── build ────────────────────────────────────────────────────────────────────────────────────────

class Interner {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(s, id);
      this.list.push(s);
    }
    return id;
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Serialises the catalog into the index's compact binary form (store it gzipped; `load` accepts
 * both). Items are ordered by code and every table by first appearance in that order, so the same
 * items give the same bytes whatever order they come in. Throws on a duplicate code.
 */
export function buildIndex(items: IndexedItem[]): Uint8Array {
  const keyed = items.map((it) => ({ it, norm: normalize(it.code) }));
  keyed.sort((a, b) => cmp(a.norm, b.norm) || cmp(a.it.code, b.it.code));
  for (let i = 1; i < keyed.length; i++) {
    if (keyed[i].it.code === keyed[i - 1].it.code) throw new Error(`duplicate item code ${keyed[i].it.code}`);
  }
  const sorted = keyed.map((k) => k.it);
  const n = sorted.length;

  const strings = new Interner();
  const baseCodes = [...new Set(sorted.map((it) => it.baseCode))]
    .map((bc) => ({ bc, norm: normalize(bc) }))
    .sort((a, b) => cmp(a.norm, b.norm) || cmp(a.bc, b.bc))
    .map((x) => x.bc);
  const baseCodeId = new Map(baseCodes.map((bc, i) => [bc, i]));

  const profiles = new Interner();
  const profName: number[] = [];
  const profHandling: number[] = [];
  const profKwStart: number[] = [0];
  const kwPool: number[] = [];
  const depts = new Interner();
  const deptCode: number[] = [];
  const deptName: number[] = [];
  const regions = new Interner();
  const regionCode: number[] = [];
  const regionName: number[] = [];
  const types = new Interner();

  const col = {
    baseCode: new Uint32Array(n),
    profile: new Uint32Array(n),
    dept: new Uint32Array(n),
    region: new Uint32Array(n),
    type: new Uint32Array(n),
    level: new Uint8Array(n),
    promiseDays: new Array<number>(n),
    legalDays: new Array<number>(n),
    onlineDepth: new Array<number>(n),
  };

  for (let i = 0; i < n; i++) {
    const it = sorted[i];
    const pKey = JSON.stringify([it.name, it.handlingItem ?? null, it.keywords]);
    const p = profiles.id(pKey);
    if (p === profName.length) {
      profName.push(strings.id(it.name));
      profHandling.push(it.handlingItem === undefined ? 0 : strings.id(it.handlingItem) + 1);
      for (const k of it.keywords) kwPool.push(strings.id(k));
      profKwStart.push(kwPool.length);
    }
    const d = depts.id(`${it.dept}\u0000${it.deptName}`);
    if (d === deptCode.length) {
      deptCode.push(strings.id(it.dept));
      deptName.push(strings.id(it.deptName));
    }
    const r = regions.id(`${it.region}\u0000${it.regionName}`);
    if (r === regionCode.length) {
      regionCode.push(strings.id(it.region));
      regionName.push(strings.id(it.regionName));
    }
    const level = LEVELS.indexOf(it.level);
    if (level < 0) throw new RangeError(`item ${it.code} has level ${it.level}`);
    col.baseCode[i] = baseCodeId.get(it.baseCode)!;
    col.profile[i] = p;
    col.dept[i] = d;
    col.region[i] = r;
    col.type[i] = types.id(it.type);
    col.level[i] = level;
    col.promiseDays[i] = it.promiseDays;
    col.legalDays[i] = it.legalDays;
    col.onlineDepth[i] = it.onlineDepth;
  }
  const baseCodeSid = baseCodes.map((bc) => strings.id(bc));
  const typeSid = types.list.map((t) => strings.id(t));

  const w = new Writer();
  for (const b of MAGIC) w.u8(b);
  w.u8(VERSION);
  w.align(4);
  w.strings(strings.list);
  w.strings(sorted.map((it) => it.code));
  w.column(baseCodeSid);
  w.column(profName);
  w.column(profHandling);
  w.column(profKwStart);
  w.column(kwPool);
  w.column(deptCode);
  w.column(deptName);
  w.column(regionCode);
  w.column(regionName);
  w.column(typeSid);
  w.column(col.baseCode);
  w.column(col.profile);
  w.column(col.dept);
  w.column(col.region);
  w.column(col.type);
  w.column(col.level);
  w.column(col.promiseDays);
  w.column(col.legalDays);
  w.column(col.onlineDepth);
  return w.done();
}

// ── load and search ──────────────────────────────────────────────────────────────────────────────

/** What one query term matches: per profile (bit 1 a profile text, bit 2 the full name), per department, and code ranges. */
interface TermHits {
  /** how many item ids the term's postings would yield (an upper bound on its items) */
  estimate: number;
  prof: Uint8Array;
  dept: Uint8Array;
  /** items [codeLo, codeHi) in code order */
  codeLo: number;
  codeHi: number;
  /** base codes [baseLo, baseHi) in base-code order */
  baseLo: number;
  baseHi: number;
}

const FNV_OFFSET = 0x811c9dc5;
function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const CURSOR_VERSION = 1;
function encodeCursor(offset: number, hash: number): string {
  const b = Buffer.alloc(9);
  b[0] = CURSOR_VERSION;
  b.writeUInt32LE(offset, 1);
  b.writeUInt32LE(hash, 5);
  return b.toString('base64url');
}
function decodeCursor(cursor: string, hash: number): number {
  const b = Buffer.from(cursor, 'base64url');
  if (b.length !== 9 || b[0] !== CURSOR_VERSION || b.toString('base64url') !== cursor) {
    throw new BadCursorError('cursor is not one this API issued');
  }
  if (b.readUInt32LE(5) !== hash) throw new BadCursorError('cursor belongs to another query');
  return b.readUInt32LE(1);
}

/** The smallest index in [lo, hi) for which `pred` is false, `pred` being true then false over the range. */
function partition(lo: number, hi: number, pred: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [lo, hi) of the sorted keys that the code term matches: equal, or a prefix once it is long enough. */
function codeRange(count: number, key: (i: number) => string, term: string): [number, number] {
  const lo = partition(0, count, (i) => key(i) < term);
  if (term.length < MIN_CODE_PREFIX) return [lo, partition(lo, count, (i) => key(i) === term)];
  return [lo, partition(lo, count, (i) => key(i).startsWith(term))];
}

/** Groups item ids by a key column: ids of key k are ids[start[k] .. start[k+1]), ascending. */
function groupBy(keys: Column, groups: number): { ids: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(groups + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const fill = start.slice(0, groups);
  const ids = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) ids[fill[keys[i]]++] = i;
  return { ids, start };
}

function push(map: Map<number, number[]>, key: number, id: number) {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

export class SearchIndex {
  private readonly strs: string[];
  private readonly codes: { text: string; offsets: Uint32Array };
  private readonly baseCodeSid: Column;
  private readonly profName: Column;
  private readonly profHandling: Column;
  private readonly profKwStart: Column;
  private readonly kwPool: Column;
  private readonly deptCode: Column;
  private readonly deptName: Column;
  private readonly regionCode: Column;
  private readonly regionName: Column;
  private readonly typeSid: Column;
  private readonly itemBase: Column;
  private readonly itemProfile: Column;
  private readonly itemDept: Column;
  private readonly itemRegion: Column;
  private readonly itemType: Column;
  private readonly itemLevel: Column;
  private readonly itemPromise: Column;
  private readonly itemLegal: Column;
  private readonly itemDepth: Column;

  // derived at load
  private readonly n: number;
  private readonly texts: string[] = [];
  private readonly profFullText: Uint32Array;
  private readonly profKwText: Uint32Array;
  private readonly profNorm: string[];
  private readonly profNormFull: string[];
  private readonly deptText: Uint32Array;
  private readonly baseNorm: string[];
  private readonly bigrams = new Map<number, number[]>();
  private readonly unigrams = new Map<number, number[]>();
  private readonly regionIds = new Map<string, number>();
  private readonly deptIds = new Map<string, number[]>();
  private readonly typeIds = new Map<string, number>();
  private readonly byRegion: { ids: Uint32Array; start: Uint32Array };
  private readonly byDept: { ids: Uint32Array; start: Uint32Array };
  private readonly byProfile: { ids: Uint32Array; start: Uint32Array };
  private readonly byBase: { ids: Uint32Array; start: Uint32Array };
  // per-query scratch (a Lambda instance serves one request at a time)
  private readonly hitIds: Uint32Array;
  private readonly hitKeys: Uint8Array;
  private readonly postingsRatio: number;

  /** Loads an index from `buildIndex` output, raw or gzipped. */
  static load(bytes: Uint8Array, options: LoadOptions = {}): SearchIndex {
    return new SearchIndex(bytes, options);
  }

  private constructor(input: Uint8Array, options: LoadOptions) {
    this.postingsRatio = options.postingsRatio ?? 4;
    let bytes = input[0] === 0x1f && input[1] === 0x8b ? new Uint8Array(gunzipSync(input)) : input;
    // typed-array views need their offsets aligned to the element size
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    const r = new Reader(bytes);
    for (const b of MAGIC) if (r.u8() !== b) throw new Error('not a search index');
    const version = r.u8();
    if (version !== VERSION) throw new Error(`search index version ${version} is not supported (expected ${VERSION})`);
    r.align(4);
    this.strs = sliceAll(r.strings());
    this.codes = r.strings();
    this.baseCodeSid = r.column();
    this.profName = r.column();
    this.profHandling = r.column();
    this.profKwStart = r.column();
    this.kwPool = r.column();
    this.deptCode = r.column();
    this.deptName = r.column();
    this.regionCode = r.column();
    this.regionName = r.column();
    this.typeSid = r.column();
    this.itemBase = r.column();
    this.itemProfile = r.column();
    this.itemDept = r.column();
    this.itemRegion = r.column();
    this.itemType = r.column();
    this.itemLevel = r.column();
    this.itemPromise = r.column();
    this.itemLegal = r.column();
    this.itemDepth = r.column();
    if (r.pos !== bytes.length) throw new Error('search index has trailing bytes');
    this.n = this.codes.offsets.length - 1;

    // distinct normalised texts (full names, keywords, department names) and their bigram postings
    const textIds = new Map<string, number>();
    const textId = (t: string) => {
      let id = textIds.get(t);
      if (id === undefined) {
        id = this.texts.length;
        textIds.set(t, id);
        this.texts.push(t);
      }
      return id;
    };
    const P = this.profName.length;
    this.profFullText = new Uint32Array(P);
    this.profKwText = new Uint32Array(this.kwPool.length);
    this.profNorm = new Array<string>(P);
    this.profNormFull = new Array<string>(P);
    for (let p = 0; p < P; p++) {
      const name = normalize(this.strs[this.profName[p]]);
      const h = this.profHandling[p];
      const full = h ? name + normalize(this.strs[h - 1]) : name;
      this.profNorm[p] = name;
      this.profNormFull[p] = full;
      this.profFullText[p] = textId(full);
      for (let k = this.profKwStart[p]; k < this.profKwStart[p + 1]; k++) this.profKwText[k] = textId(normalize(this.strs[this.kwPool[k]]));
    }
    const D = this.deptCode.length;
    this.deptText = new Uint32Array(D);
    for (let d = 0; d < D; d++) {
      this.deptText[d] = textId(normalize(this.strs[this.deptName[d]]));
      const code = this.strs[this.deptCode[d]];
      const ids = this.deptIds.get(code);
      if (ids) ids.push(d);
      else this.deptIds.set(code, [d]);
    }
    for (let t = 0; t < this.texts.length; t++) {
      const s = this.texts[t];
      for (let i = 0; i < s.length; i++) {
        push(this.unigrams, s.charCodeAt(i), t);
        if (i + 1 < s.length) push(this.bigrams, s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1), t);
      }
    }
    this.baseNorm = Array.from(this.baseCodeSid, (sid) => normalize(this.strs[sid]));
    for (let g = 0; g < this.regionCode.length; g++) this.regionIds.set(this.strs[this.regionCode[g]], g);
    for (let t = 0; t < this.typeSid.length; t++) this.typeIds.set(this.strs[this.typeSid[t]], t);
    this.byRegion = groupBy(this.itemRegion, this.regionCode.length);
    this.byDept = groupBy(this.itemDept, D);
    this.byProfile = groupBy(this.itemProfile, P);
    this.byBase = groupBy(this.itemBase, this.baseCodeSid.length);
    this.hitIds = new Uint32Array(this.n);
    this.hitKeys = new Uint8Array(this.n);
  }

  /** How many items the index holds. */
  get size(): number {
    return this.n;
  }

  private code(i: number): string {
    return this.codes.text.slice(this.codes.offsets[i], this.codes.offsets[i + 1]);
  }

  /** The distinct texts containing `term`: the rarest of its bigrams (or its character) narrows, a substring test decides. */
  private matchTexts(term: string): number[] {
    let best: number[] | undefined;
    if (term.length === 1) best = this.unigrams.get(term.charCodeAt(0));
    else {
      for (let i = 0; i + 1 < term.length; i++) {
        const list = this.bigrams.get(term.charCodeAt(i) * 0x10000 + term.charCodeAt(i + 1));
        if (!list) return [];
        if (!best || list.length < best.length) best = list;
      }
    }
    if (!best) return [];
    if (term.length <= 2) return best;
    return best.filter((t) => this.texts[t].includes(term));
  }

  private termHits(term: string): TermHits | null {
    const textHit = new Uint8Array(this.texts.length);
    const matched = this.matchTexts(term);
    for (const t of matched) textHit[t] = 1;
    const P = this.profName.length;
    const prof = new Uint8Array(P);
    const dept = new Uint8Array(this.deptCode.length);
    let any = false;
    let estimate = 0;
    const { byProfile, byDept, byBase } = this;
    if (matched.length) {
      for (let p = 0; p < P; p++) {
        let bits = textHit[this.profFullText[p]] ? 3 : 0;
        if (!bits) {
          for (let k = this.profKwStart[p]; k < this.profKwStart[p + 1]; k++) {
            if (textHit[this.profKwText[k]]) {
              bits = 1;
              break;
            }
          }
        }
        if (bits) {
          any = true;
          estimate += byProfile.start[p + 1] - byProfile.start[p];
        }
        prof[p] = bits;
      }
      for (let d = 0; d < dept.length; d++) {
        if (textHit[this.deptText[d]]) {
          dept[d] = 1;
          any = true;
          estimate += byDept.start[d + 1] - byDept.start[d];
        }
      }
    }
    const [codeLo, codeHi] = codeRange(this.n, (i) => normalize(this.code(i)), term);
    const [baseLo, baseHi] = codeRange(this.baseNorm.length, (i) => this.baseNorm[i], term);
    if (!any && codeLo === codeHi && baseLo === baseHi) return null;
    estimate += codeHi - codeLo + byBase.start[baseHi] - byBase.start[baseLo];
    return { estimate, prof, dept, codeLo, codeHi, baseLo, baseHi };
  }

  /** The items a term's postings yield, ascending and without repeats. */
  private postings(h: TermHits): Uint32Array {
    const out = new Uint32Array(h.estimate);
    let k = 0;
    const add = (g: { ids: Uint32Array; start: Uint32Array }, x: number) => {
      out.set(g.ids.subarray(g.start[x], g.start[x + 1]), k);
      k += g.start[x + 1] - g.start[x];
    };
    for (let p = 0; p < h.prof.length; p++) if (h.prof[p] & 1) add(this.byProfile, p);
    for (let d = 0; d < h.dept.length; d++) if (h.dept[d]) add(this.byDept, d);
    for (let b = h.baseLo; b < h.baseHi; b++) add(this.byBase, b);
    for (let i = h.codeLo; i < h.codeHi; i++) out[k++] = i;
    out.sort();
    let n = 0;
    for (let j = 0; j < out.length; j++) if (j === 0 || out[j] !== out[j - 1]) out[n++] = out[j];
    return out.subarray(0, n);
  }

  /**
   * Items matching every term, filtered by region (visible regions), department code and matter
   * type, ranked (see the top of this file), one page at a time. `cursor` is the `nextCursor` of the
   * previous page of the same query; another query's cursor throws a BadCursorError.
   */
  search(q: IndexQuery): IndexPage {
    const { limit } = q;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive whole number');
    const terms = queryTerms(q.q);
    const hash = fnv1a(JSON.stringify([terms, q.region ?? '', q.dept ?? '', q.type ?? '']));
    const offset = q.cursor ? decodeCursor(q.cursor, hash) : 0;
    const empty: IndexPage = { items: [], nextCursor: null, total: 0 };

    // filters
    let regionClass: Int8Array | null = null;
    if (q.region) {
      regionClass = new Int8Array(this.regionCode.length).fill(-1);
      visibleRegions(q.region).forEach((code, cls) => {
        const g = this.regionIds.get(code);
        if (g !== undefined) regionClass![g] = cls;
      });
    }
    let typeId = -1;
    if (q.type) {
      const t = this.typeIds.get(q.type);
      if (t === undefined) return empty;
      typeId = t;
    }
    let deptSel: Uint8Array | null = null;
    let deptList: number[] | undefined;
    if (q.dept) {
      deptList = this.deptIds.get(q.dept);
      if (!deptList) return empty;
      deptSel = new Uint8Array(this.deptCode.length);
      for (const d of deptList) deptSel[d] = 1;
    }

    // terms → what each matches; a term matching nothing is split into words, each of which must
    // match; a word matching nothing empties the result
    const distinct = [...new Set(terms)];
    const hits: TermHits[] = [];
    for (const term of distinct) {
      const h = this.termHits(term);
      if (h) {
        hits.push(h);
        continue;
      }
      const words = splitTerm(term);
      if (!words.length || (words.length === 1 && words[0] === term)) return empty;
      for (const w of words) {
        const hw = this.termHits(w);
        if (!hw) return empty;
        hits.push(hw);
      }
    }
    const P = this.profName.length;
    const profRank = new Uint8Array(P);
    if (hits.length) {
      const whole = terms.join('');
      for (let p = 0; p < P; p++) {
        let own = true;
        let full = true;
        for (const h of hits) {
          const bits = h.prof[p];
          if (!(bits & 1)) own = false;
          if (!(bits & 2)) full = false;
        }
        const nf = this.profNormFull[p];
        profRank[p] = !own ? 4 : !full ? 3 : nf === whole || this.profNorm[p] === whole ? 0 : nf.startsWith(whole) ? 1 : 2;
      }
    }

    // the item pass: candidates in ascending id (code) order, so each bucket comes out in code order
    const count = new Uint32Array(RANKS * CLASSES);
    let total = 0;
    const { hitIds, hitKeys } = this;
    const itemProfile = this.itemProfile;
    const itemDept = this.itemDept;
    const itemBase = this.itemBase;
    const itemType = this.itemType;
    const itemRegion = this.itemRegion;
    const scan = (ids: Uint32Array | null, from: number, to: number, fixedCls: number) => {
      for (let k = from; k < to; k++) {
        const i = ids === null ? k : ids[k];
        let cls = fixedCls;
        if (cls < 0) {
          if (regionClass) {
            cls = regionClass[itemRegion[i]];
            if (cls < 0) continue;
          } else cls = 0;
        }
        if (typeId >= 0 && itemType[i] !== typeId) continue;
        if (deptSel && !deptSel[itemDept[i]]) continue;
        const p = itemProfile[i];
        const rank = profRank[p];
        if (rank === 4) {
          let ok = true;
          for (let t = 0; t < hits.length; t++) {
            const h = hits[t];
            if (h.prof[p] & 1 || h.dept[itemDept[i]]) continue;
            if (i >= h.codeLo && i < h.codeHi) continue;
            const b = itemBase[i];
            if (b >= h.baseLo && b < h.baseHi) continue;
            ok = false;
            break;
          }
          if (!ok) continue;
        }
        const key = rank * CLASSES + cls;
        hitIds[total] = i;
        hitKeys[total] = key;
        count[key]++;
        total++;
      }
    };
    if (deptList && deptList.length === 1) {
      const d = deptList[0];
      scan(this.byDept.ids, this.byDept.start[d], this.byDept.start[d + 1], -1);
    } else if (regionClass && !deptList) {
      visibleRegions(q.region!).forEach((code, cls) => {
        const g = this.regionIds.get(code);
        if (g !== undefined) scan(this.byRegion.ids, this.byRegion.start[g], this.byRegion.start[g + 1], cls);
      });
    } else {
      // no region or department to narrow by: the rarest term's postings, when they are few, else every item
      let rarest: TermHits | undefined;
      for (const h of hits) if (!rarest || h.estimate < rarest.estimate) rarest = h;
      if (rarest && this.postingsRatio > 0 && rarest.estimate * this.postingsRatio < this.n) {
        const ids = this.postings(rarest);
        scan(ids, 0, ids.length, -1);
      } else scan(null, 0, this.n, -1);
    }

    // counting sort by (rank, class), keeping code order within; only the page is materialised
    const end = Math.min(total, offset + limit);
    const items: IndexedItem[] = [];
    if (offset < end) {
      const pos = new Uint32Array(RANKS * CLASSES);
      for (let k = 1; k < pos.length; k++) pos[k] = pos[k - 1] + count[k - 1];
      const page = new Array<number>(end - offset);
      let placed = 0;
      for (let h = 0; h < total && placed < page.length; h++) {
        const at = pos[hitKeys[h]]++;
        if (at >= offset && at < end) {
          page[at - offset] = hitIds[h];
          placed++;
        }
      }
      for (const i of page) items.push(this.item(i));
    }
    return { items, nextCursor: offset + limit < total ? encodeCursor(offset + limit, hash) : null, total };
  }

  private item(i: number): IndexedItem {
    const p = this.itemProfile[i];
    const d = this.itemDept[i];
    const g = this.itemRegion[i];
    const keywords: string[] = [];
    for (let k = this.profKwStart[p]; k < this.profKwStart[p + 1]; k++) keywords.push(this.strs[this.kwPool[k]]);
    const out: IndexedItem = {
      code: this.code(i),
      baseCode: this.strs[this.baseCodeSid[this.itemBase[i]]],
      name: this.strs[this.profName[p]],
      type: this.strs[this.typeSid[this.itemType[i]]],
      level: LEVELS[this.itemLevel[i]],
      dept: this.strs[this.deptCode[d]],
      deptName: this.strs[this.deptName[d]],
      region: this.strs[this.regionCode[g]],
      regionName: this.strs[this.regionName[g]],
      promiseDays: this.itemPromise[i],
      legalDays: this.itemLegal[i],
      onlineDepth: this.itemDepth[i],
      keywords,
    };
    const h = this.profHandling[p];
    if (h) out.handlingItem = this.strs[h - 1];
    return out;
  }
}
