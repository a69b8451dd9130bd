import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → sfnt (TrueType/OpenType). The font ships compressed as WOFF (1.7 MiB instead of 2.6);
 * HarfBuzz reads sfnt only, so the font is inflated once per cold start (about 20 ms) and every
 * notice is cut from the plain sfnt.
 * Layout: W3C WOFF 1.0 §4–§5; a table is stored uncompressed when compLength equals origLength.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font (signature wOFF)');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    return {
      tag: src.readUInt32BE(at),
      offset: src.readUInt32BE(at + 4),
      compLength: src.readUInt32BE(at + 8),
      origLength: src.readUInt32BE(at + 12),
      checksum: src.readUInt32BE(at + 16),
    };
  });
  const headerLength = 12 + 16 * numTables;
  const padded = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + padded(t.origLength), headerLength);
  const out = Buffer.alloc(total);
  // sfnt offset table: searchRange etc. as the OpenType spec defines them
  const pow2 = 2 ** Math.floor(Math.log2(numTables));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow2 * 16, 6);
  out.writeUInt16BE(Math.log2(pow2), 8);
  out.writeUInt16BE(numTables * 16 - pow2 * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const stored = src.subarray(t.offset, t.offset + t.compLength);
    const data = t.compLength < t.origLength ? inflateSync(stored) : stored;
    if (data.length !== t.origLength) throw new Error(`WOFF table ${i}: inflated to ${data.length} bytes, expected ${t.origLength}`);
    const dir = 12 + i * 16;
    out.writeUInt32BE(t.tag, dir);
    out.writeUInt32BE(t.checksum, dir + 4);
    out.writeUInt32BE(offset, dir + 8);
    out.writeUInt32BE(t.origLength, dir + 12);
    data.copy(out, offset);
    offset += padded(t.origLength);
  });
  return out;
}
