import type { Actor } from './case.ts';

/** A transfer batch (移交批次) of permanent packages to the state archive [E26]. */
export interface Transfer {
  transferId: string;
  year: string;
  region: string;
  status: 'prepared' | 'received';
  /** the last day the year's files may be transferred on */
  dueBy: string;
  packages: TransferredPackage[];
  /** the signed manifest (移交清单), one locked object in the archive */
  bundle: { bucket: string; key: string; versionId: string; sha256: string; bytes: number };
  preparedBy: Actor;
  preparedAt: string;
  receipt?: { receivedBy: string; note?: string; recordedBy: Actor; recordedAt: string };
  version: number;
}

export interface TransferredPackage {
  caseId: string;
  archivalCode: string;
  title: string;
  key: string;
  versionId: string;
  sha256: string;
  bytes: number;
}
