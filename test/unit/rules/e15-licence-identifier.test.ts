import { Mod37_36 } from '@konfirm/iso7064';
import { licenceIdentifier, mod37_36, parseLicenceIdentifier } from '#shared/domain/rules/e15-licence-identifier';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('the 证照标识 of an e-licence, GB/T 36904 with an ISO/IEC 7064 MOD 37,36 check character [E15]', () => {
  test('the check character of python-stdnum’s documented MOD 37,36 example A12425GABC1234002 is M', () => {
    expect(mod37_36('A12425GABC1234002')).toBe('M');
  });

  test('the published example 1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U checks out and parses', () => {
    expect(parseLicenceIdentifier('1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U')).toEqual({
      typeCode: '11100000000013338W011',
      issuerCode: '11430000006122244L',
      serial: '20230000403',
      version: 1,
    });
    expect(parseLicenceIdentifier('1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V')).toBeUndefined();
  });

  test('agrees with an independent implementation (@konfirm/iso7064) on 2,000 random strings', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => ALPHABET[Math.floor(rnd() * 36)]).join('');
      expect([s, mod37_36(s)]).toEqual([s, Mod37_36.checksum(s)]);
    }
  });

  const parts = { typeCode: '000109002', issuerCode: '11610113MB2946812X', serial: '2026000001', version: 1 };

  test('is laid out as 1.2.156.3005.2.{type}.{issuer}.{serial}.{version}.{check} and parses back', () => {
    const id = licenceIdentifier(parts);
    expect(id).toMatch(/^1\.2\.156\.3005\.2\.000109002\.11610113MB2946812X\.2026000001\.001\.[0-9A-Z]$/);
    expect(parseLicenceIdentifier(id)).toEqual(parts);
    expect(parseLicenceIdentifier(licenceIdentifier({ ...parts, version: 12 }))).toEqual({ ...parts, version: 12 });
  });

  test('every single-character change and every swap of neighbours is caught by the check character', () => {
    const id = licenceIdentifier(parts);
    const body = id.slice(0, -1);
    for (let i = '1.2.156.3005.2.'.length; i < body.length; i++) {
      if (body[i] === '.') continue;
      for (const c of ALPHABET) if (c !== body[i]) expect(parseLicenceIdentifier(body.slice(0, i) + c + body.slice(i + 1) + id.at(-1))).toBeUndefined();
      const j = i + 1;
      if (j < body.length && body[j] !== '.' && body[j] !== body[i]) expect(parseLicenceIdentifier(body.slice(0, i) + body[j] + body[i] + body.slice(j + 1) + id.at(-1))).toBeUndefined();
    }
  });

  test.each([['LIC-ZW20260101AAAAAAAAAA'], ['1.2.156.3005.2.a.b.c.001.X'], ['1.2.156.3005.2.000109002.X.1.000.0'], ['1.2.156.3005.2.000109002.X.1.1.0'], ['1.2.156.3005.2.1.2.3.001']])('%s is not an identifier', (id) => {
    expect(parseLicenceIdentifier(id)).toBeUndefined();
  });

  test('parts outside 0-9 A-Z or a version outside 1-999 are refused when making one', () => {
    expect(() => licenceIdentifier({ ...parts, serial: '2026-1' })).toThrow(RangeError);
    expect(() => licenceIdentifier({ ...parts, version: 1000 })).toThrow(RangeError);
  });
});
