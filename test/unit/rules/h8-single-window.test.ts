import { hallOf, windowReceives, windowsFaults } from '#shared/domain/rules/h8-single-window';

/** [H8] 一窗受理 and [H20] 上下联办: which hall's window receives which region's matters. */
describe('the hall of a clerk', () => {
  test.each([
    ['610113-XZSP', '610113'],
    ['610124108-ZF', '610124108'],
    ['610000-SCJG', '610000'],
    ['XZSP', undefined],
    [undefined, undefined],
    ['61011-X', undefined],
  ])('%s → %s', (dept, hall) => {
    expect(hallOf(dept)).toBe(hall);
  });
});

describe('what a window receives', () => {
  test.each([
    ['610113', '610113', true, 'its own region'],
    ['610113001', '610113', true, 'a station takes its county’s matters [H20]'],
    ['610113', '610113001', true, 'the county centre takes its stations’ matters [H20]'],
    ['610113001', '610113001', true, 'a station its own'],
    ['610113', '610104', false, 'a neighbouring county'],
    ['610113001', '610113002', false, 'a neighbouring station'],
    ['610113001', '610104', false, 'another county from a station'],
    ['610104', '610113001', false, 'a station of another county'],
    ['610113', '610100', false, 'the city above'],
    ['610113', '610000', false, 'the province'],
    ['610000', '610113', false, 'the provincial hall for a county matter'],
  ])('hall %s, matter of %s: %s (%s)', (hall, region, expected) => {
    expect(windowReceives(hall, region)).toBe(expected);
  });
});

describe('a hall’s windows [H8]', () => {
  const w = { windowId: 'W01', name: '综合受理窗口', comprehensive: true, matters: [], capacity: 4, slotMinutes: 30 };
  test('one comprehensive window is enough; every fault of the others is named', () => {
    expect(windowsFaults([w])).toEqual([]);
    expect(windowsFaults([{ ...w, comprehensive: false }]).map((f) => f.path)).toEqual(['windows', 'windows/0/matters']);
    expect(windowsFaults([w, { ...w, slotMinutes: 7, capacity: 51 }, { ...w, windowId: 'X1' }]).map((f) => f.path)).toEqual(['windows/1/windowId', 'windows/1/capacity', 'windows/1/slotMinutes', 'windows/2/windowId']);
  });
});
