import type { Clock, Settings } from '../domain/ports.ts';
import { numberEnv } from './env.ts';

/** The time of the machine. The working-day calendar is `CALENDAR` (./calendar.ts), the region list `regions` (./regions.ts): each a module of its own, bundled only where it is used. */
export const systemClock: Clock = { now: () => new Date() };

/** What the deployment configures, read from the function's environment. */
export const settings: Settings = {
  get correctionWorkingDays() {
    return numberEnv('CORRECTION_WORKING_DAYS', 30);
  },
};
