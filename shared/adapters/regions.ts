import type { Regions } from '../domain/ports.ts';
import { regionName } from '../catalog/regions.ts';

/** Shaanxi's regions from the region list bundled with the code. */
export const regions: Regions = { name: regionName };
