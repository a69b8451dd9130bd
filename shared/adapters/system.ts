import type { Clock, Settings } from '../domain/ports.ts';
import { numberEnv } from './env.ts';
import { PUBLIC_ACCESS_FLAGS } from '../domain/rules/e18-four-properties.ts';

/** The time of the machine. The working-day calendar is `CALENDAR` (./calendar.ts), the region list `regions` (./regions.ts): each a module of its own, bundled only where it is used. */
export const systemClock: Clock = { now: () => new Date() };

/** What the deployment configures, read from the function's environment. */
export const settings: Settings = {
  get correctionWorkingDays() {
    return numberEnv('CORRECTION_WORKING_DAYS', 30);
  },
  get archiveKmsKey() {
    return process.env.ARCHIVE_KMS_KEY_ARN || undefined;
  },
  get archivePublicAccess() {
    const v = process.env.ARCHIVE_PUBLIC_ACCESS_FLAGS;
    return v === undefined ? PUBLIC_ACCESS_FLAGS : PUBLIC_ACCESS_FLAGS.filter((f) => v.split(',').includes(f));
  },
  get devRetentionSeconds() {
    const v = numberEnv('ARCHIVE_DEV_RETENTION_SECONDS', 0);
    return v > 0 ? v : undefined;
  },
  get destructionWaitSeconds() {
    return numberEnv('ARCHIVE_DESTRUCTION_WAIT_SECONDS', 30 * 86_400);
  },
  get archiveSampleRate() {
    return numberEnv('ARCHIVE_SAMPLE_RATE', 0.05);
  },
  get followUpWorkingDays() {
    return numberEnv('FOLLOW_UP_WORKING_DAYS', 5);
  },
  get alertYellowShare() {
    // a share outside (0, 1) would warn of every case or of none: the default instead
    const v = numberEnv('ALERT_YELLOW_SHARE', 0.8);
    return v > 0 && v < 1 ? v : 0.8;
  },
};
