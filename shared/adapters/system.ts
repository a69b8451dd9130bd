import type { Clock, Regions, Settings } from '../domain/ports.ts';
import { regionName } from '../catalog/regions.ts';
import { CALENDAR } from './calendar.ts';
import { numberEnv } from './env.ts';

/** The time of the machine, and the deployed working-day calendar. */
export const systemClock: Clock = { now: () => new Date(), calendar: CALENDAR };

/** What the deployment configures, read from the function's environment. */
export const settings: Settings = {
  get correctionWorkingDays() {
    return numberEnv('CORRECTION_WORKING_DAYS', 30);
  },
};

/** Shaanxi's regions from the region list bundled with the code. */
export const regions: Regions = { name: regionName };
