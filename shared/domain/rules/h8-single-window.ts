/**
 * 一窗受理 [H8] at the hall where the clerk works, and 上下联办 [H20]: a township's 便民服务站 is the
 * county centre's extension window, so each of the two also receives the other's matters. Any other
 * region's matter belongs at that region's hall (or online, which serves every region).
 *
 * The hall is the region part of the clerk's department code (`610113-XZSP` → 610113, a station's
 * `610124108-ZF` → 610124108), so a clerk's token cannot claim a hall their department is not in.
 */
export function hallOf(dept: string | undefined): string | undefined {
  const region = dept?.split('-')[0];
  return region && /^\d{6}(\d{3})?$/.test(region) ? region : undefined;
}

export function windowReceives(hall: string, matterRegion: string): boolean {
  if (hall === matterRegion) return true;
  // [H20] 上下联办: station ↔ its county centre
  if (hall.length === 9 && matterRegion === hall.slice(0, 6)) return true;
  if (hall.length === 6 && matterRegion.length === 9 && matterRegion.startsWith(hall)) return true;
  return false;
}
