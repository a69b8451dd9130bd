import type { Hall, HallWindow, Hours } from '../domain/hall.ts';
import { DEMO_FOOD_MATTER_CODE } from './demo-seed.ts';

/**
 * The demo halls [H8] [H11] [H20]: the province's, Xi'an's and two districts' 政务服务中心, and one
 * street's 便民服务站, each with a 综合窗口 (every matter the hall receives) and, at the county centres,
 * a window of its own for food licences. Working days 9:00–12:00 and 13:00–17:00 (seven hours); the
 * county centres add 延时 until 19:00 and a Saturday morning, 雁塔区 a holiday morning for urgent business.
 */
const WORKING: Hours['working'] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const SYSTEM = { sub: 'local-runtime', name: '陕西政务服务网', role: 'system' as const };
const AT = '2026-01-01T00:00:00.000Z';

const comprehensive = (capacity: number): HallWindow => ({ windowId: 'W01', name: '综合受理窗口', comprehensive: true, matters: [], capacity, slotMinutes: 30 });
const food: HallWindow = { windowId: 'W02', name: '食品经营许可窗口', comprehensive: false, matters: [DEMO_FOOD_MATTER_CODE], capacity: 2, slotMinutes: 20 };

const hall = (h: Omit<Hall, 'version' | 'updatedAt' | 'updatedBy' | 'dailyLimit'> & { dailyLimit?: number }): Hall => ({ dailyLimit: 2, ...h, version: 1, updatedAt: AT, updatedBy: SYSTEM });

export const DEMO_HALLS: Hall[] = [
  hall({ hallId: '610000', name: '陕西省政务服务中心', region: '610000', level: 'province', address: '陕西省西安市', windows: [comprehensive(6)], hours: { working: WORKING } }),
  hall({ hallId: '610100', name: '西安市政务服务中心', region: '610100', level: 'city', address: '陕西省西安市', windows: [comprehensive(6)], hours: { working: WORKING, extended: [{ start: '17:00', end: '19:00' }] } }),
  hall({
    hallId: '610113',
    name: '雁塔区政务服务中心',
    region: '610113',
    level: 'county',
    address: '陕西省西安市雁塔区',
    windows: [comprehensive(4), food],
    hours: { working: WORKING, extended: [{ start: '17:00', end: '19:00' }], weekend: [{ start: '09:00', end: '12:00' }], holiday: [{ start: '09:00', end: '11:00' }] },
  }),
  hall({ hallId: '610104', name: '莲湖区政务服务中心', region: '610104', level: 'county', address: '陕西省西安市莲湖区', windows: [comprehensive(4)], hours: { working: WORKING, weekend: [{ start: '09:00', end: '12:00' }] } }),
  hall({ hallId: '610113001', name: '小寨路街道便民服务站', region: '610113', level: 'township', address: '陕西省西安市雁塔区小寨路街道', windows: [comprehensive(2)], hours: { working: WORKING, extended: [{ start: '17:00', end: '18:30' }] } }),
];
