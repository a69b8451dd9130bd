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

/**
 * A hall's windows [H8]: at least one 综合窗口 (前台综合受理), every window with its own id (`W01` …), a
 * name, between 1 and 50 places a slot and slots of 5 to 120 minutes in steps of five; a window that is
 * not comprehensive lists the matters it takes. Every fault at once.
 */
export function windowsFaults(windows: { windowId: string; name: string; comprehensive: boolean; matters: string[]; capacity: number; slotMinutes: number }[]): { path: string; message: string }[] {
  const faults: { path: string; message: string }[] = [];
  if (!windows.some((w) => w.comprehensive)) faults.push({ path: 'windows', message: 'a hall has at least one comprehensive window (综合窗口) [H8]' });
  const seen = new Set<string>();
  windows.forEach((w, i) => {
    if (!/^W\d{2}$/.test(w.windowId)) faults.push({ path: `windows/${i}/windowId`, message: 'W01 … W99' });
    else if (seen.has(w.windowId)) faults.push({ path: `windows/${i}/windowId`, message: `${w.windowId} twice` });
    seen.add(w.windowId);
    if (!Number.isInteger(w.capacity) || w.capacity < 1 || w.capacity > 50) faults.push({ path: `windows/${i}/capacity`, message: '1 to 50 places a slot' });
    if (!Number.isInteger(w.slotMinutes) || w.slotMinutes < 5 || w.slotMinutes > 120 || w.slotMinutes % 5) faults.push({ path: `windows/${i}/slotMinutes`, message: '5 to 120 minutes, in steps of 5' });
    if (!w.comprehensive && !w.matters.length) faults.push({ path: `windows/${i}/matters`, message: 'a window that is not comprehensive lists the matters it takes' });
  });
  return faults;
}
