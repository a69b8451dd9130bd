/**
 * The 证照标识 of an e-licence [E15] in the layout of GB/T 36904:
 * `1.2.156.3005.2.{type code}.{issuer's 统一社会信用代码}.{serial}.{version, 3 digits}.{check character}`,
 * the check character by ISO/IEC 7064 MOD 37,36 (the hybrid system over 0–9 A–Z) computed over the type
 * code, issuer code, serial and version written together without the dots. A mistyped or altered id is
 * told from a real one before any store is asked.
 */
export const LICENCE_OID_ARC = '1.2.156.3005.2';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PART = /^[0-9A-Z]+$/;

/** ISO/IEC 7064 MOD 37,36 (hybrid, M = 36): the character that makes `s` + it check. */
export function mod37_36(s: string): string {
  let p = 36;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`${ch} is not one of 0-9 A-Z`);
    const x = (p + v) % 36 || 36;
    p = (x * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36];
}

export interface LicenceIdParts {
  typeCode: string;
  issuerCode: string;
  serial: string;
  /** 1 … 999 */
  version: number;
}

export function licenceIdentifier(p: LicenceIdParts): string {
  for (const [k, v] of Object.entries({ typeCode: p.typeCode, issuerCode: p.issuerCode, serial: p.serial })) if (!PART.test(v)) throw new RangeError(`${k} ${v} is not 0-9 A-Z`);
  if (!Number.isInteger(p.version) || p.version < 1 || p.version > 999) throw new RangeError(`version ${p.version} is not 1-999`);
  const version = String(p.version).padStart(3, '0');
  return `${LICENCE_OID_ARC}.${p.typeCode}.${p.issuerCode}.${p.serial}.${version}.${mod37_36(p.typeCode + p.issuerCode + p.serial + version)}`;
}

/** The parts of a well-formed identifier whose check character is right; undefined for anything else. */
export function parseLicenceIdentifier(id: string): LicenceIdParts | undefined {
  if (!id.startsWith(`${LICENCE_OID_ARC}.`)) return undefined;
  const parts = id.slice(LICENCE_OID_ARC.length + 1).split('.');
  if (parts.length !== 5) return undefined;
  const [typeCode, issuerCode, serial, version, check] = parts;
  if (![typeCode, issuerCode, serial].every((x) => PART.test(x)) || !/^\d{3}$/.test(version) || version === '000' || !/^[0-9A-Z]$/.test(check)) return undefined;
  if (mod37_36(typeCode + issuerCode + serial + version) !== check) return undefined;
  return { typeCode, issuerCode, serial, version: Number(version) };
}
