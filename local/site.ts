import fs from 'node:fs';
import path from 'node:path';
import type { LocalRoute } from './api.ts';
import { CONTENT_TYPES } from '../web/supervision/build.ts';

/**
 * A static site served beside the local API, as CloudFront serves it beside the API on AWS: the
 * built folder's files and nothing else (a name not in it is 404, so no path can climb out of it),
 * `index.html` for the folder itself, and `config.json` as the deployment writes it.
 */
export function staticSite(prefix: string, dir: string, config: Record<string, unknown>): LocalRoute {
  const files = new Map<string, string>(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  files.set('config.json', JSON.stringify(config));
  const headers = (name: string) => ({
    'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  return {
    prefix,
    async handle(req): ReturnType<LocalRoute['handle']> {
      const { pathname } = new URL(req.url ?? '/', 'http://local');
      if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
      if (pathname === prefix) return { status: 301, headers: { location: `${prefix}/` }, body: '' };
      if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain' }, body: 'method not allowed' };
      const name = pathname.slice(prefix.length + 1) || 'index.html';
      const body = files.get(name);
      if (body === undefined) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not found' };
      return { status: 200, headers: headers(name), body: req.method === 'HEAD' ? '' : body };
    },
  };
}
