import { identityNumberError, residentIdCheck, residentIdError, usccCheck, usccError } from '#shared/domain/rules/n13-identity-numbers';

/** [N15] [H8]: an identity number typed wrong is refused at filing, with what is wrong with it. */
const TODAY = '2026-11-28';

describe('公民身份号码 (GB 11643-1999)', () => {
  test('the standard’s own example: 11010519491231002X', () => {
    expect(residentIdCheck('11010519491231002')).toBe('X');
    expect(residentIdError('11010519491231002X', TODAY)).toBeUndefined();
  });

  test.each(['610113199001011230', '61011319650101010X', '610104199909090905'])('%s is valid', (id) => {
    expect(residentIdError(id, TODAY)).toBeUndefined();
  });

  test.each([
    ['610113199001011231', /check character is 1, but the number’s digits give 0/],
    ['610113199001021230', /check character/], // one digit changed
    ['610113199002301230', /birth date 19900230 is not a date/],
    ['610113203001011230', /in the future/],
    ['61011319900101123', /17 digits and a check character/],
    ['61011319900101123x', /17 digits/],
    ['010113199001011230', /region code/],
  ])('%s is refused: %s', (id, why) => {
    expect(residentIdError(id, TODAY)).toMatch(why);
  });

  test('every single-digit typo in a valid number is caught', () => {
    const id = '610113199001011230';
    for (let i = 0; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === id[i]) continue;
        const typo = id.slice(0, i) + d + id.slice(i + 1);
        expect([typo, residentIdError(typo, TODAY)]).toEqual([typo, expect.any(String)]);
      }
    }
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test('the standard’s example: 91350100M000100Y43', () => {
    expect(usccCheck('91350100M000100Y4')).toBe('3');
    expect(usccError('91350100M000100Y43')).toBeUndefined();
  });

  test.each([
    ['91350100M000100Y44', /check character is 4, but the code’s characters give 3/],
    ['91350100M000100I43', /without I, O, S, V and Z/],
    ['9135010', /18 characters/],
    ['B1350100M000100Y43', /registration authority/],
  ])('%s is refused: %s', (code, why) => {
    expect(usccError(code)).toMatch(why);
  });
});

describe('by document', () => {
  test('passports and other documents carry no check character and are taken as given', () => {
    expect(identityNumberError('passport', 'E12345678', TODAY)).toBeUndefined();
    expect(identityNumberError('other', 'HK-A1234567', TODAY)).toBeUndefined();
  });

  test('lower-case x and letters are read as upper case', () => {
    expect(identityNumberError('resident_id', '11010519491231002x', TODAY)).toBeUndefined();
    expect(identityNumberError('uscc', '91350100m000100y43', TODAY)).toBeUndefined();
  });
});
