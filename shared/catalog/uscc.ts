import { createHash } from 'node:crypto';
import { usccCheck } from '../domain/rules/n13-identity-numbers.ts';

/** GB 11714 check character of an 8-character 组织机构代码 body. */
function orgCodeCheck(body: string): string {
  const W = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  const c = 11 - ([...body].reduce((s, ch, i) => s + value(ch) * W[i], 0) % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A well-formed 统一社会信用代码 (GB 32100) for a government department of the catalog, which names the
 * issuer in every licence id it issues [E15]: 1 (机构编制部门) 1 (机关), the region, a 组织机构代码 of the
 * form MBnnnnnn with its GB 11714 check, and the code's own check. The catalog's departments are real
 * bodies whose real codes are not in the source data; these stand in for them, stable per department,
 * and are replaced by the real ones when the department list is loaded from the 机构编制 register.
 */
export function departmentUscc(code: string, region: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(code).digest('hex').slice(0, 12)}`).toString().slice(-6).padStart(6, '0');
  const body = `MB${digits}`;
  const first17 = `11${region}${body}${orgCodeCheck(body)}`;
  return first17 + usccCheck(first17);
}
