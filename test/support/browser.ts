import { chromium, type Browser } from 'playwright-core';
import { requireCjkFont, requireTool } from './tools.ts';

/**
 * Debian's Chromium, headless, driven by playwright-core (which ships no browser of its own): the
 * pages are tested in the browser a supervisor would use, not in a DOM emulation.
 */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  requireTool('chromium');
  requireCjkFont();
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'], headless: true });
}
