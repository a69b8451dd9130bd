import { execFileSync, spawnSync } from 'node:child_process';

/**
 * The outside checkers the tests read the platform's output with (xmllint, openssl, a real browser and
 * a Chinese typeface for it), as an outsider would. A missing one is installed with apt-get when the
 * tests run as root, as the local runtime does for Ceph; otherwise the test fails with the one command
 * that installs it.
 */
const PACKAGE_OF: Record<string, string> = { xmllint: 'libxml2-utils', openssl: 'openssl', chromium: 'chromium' };

export function requireTool(tool: keyof typeof PACKAGE_OF): void {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0) return;
  aptInstall(PACKAGE_OF[tool], `${tool} is missing`);
}

/** A typeface with Chinese glyphs, without which the browser draws every 汉字 as a box. */
export function requireCjkFont(): void {
  const listed = spawnSync('fc-list', [':lang=zh', 'family']);
  if (listed.status === 0 && listed.stdout.toString().trim()) return;
  aptInstall('fonts-wqy-microhei', 'no typeface with Chinese glyphs is installed');
}

function aptInstall(pkg: string, why: string): void {
  if (process.getuid?.() !== 0) throw new Error(`${why}: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkg}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env, stdio: 'ignore' });
  if (install.status !== 0) {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env, stdio: 'ignore' });
  }
}
