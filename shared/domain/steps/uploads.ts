import { authorize } from '../access/gate.ts';
import type { Caller } from '../caller.ts';
import { Invalid } from '../errors.ts';
import type { Ports, UploadRequest } from '../ports.ts';
import { uploadProblems } from '../rules/e12-upload-formats.ts';

/**
 * POST /v1/uploads: a presigned PUT for one e-material [E12], under the caller's own prefix, for an
 * accepted format only, bound to the declared size and SHA-256 (422 naming each field otherwise).
 */
export async function requestUpload(ports: Pick<Ports, 'uploads' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, req: UploadRequest) {
  await authorize(ports, caller, 'upload.create', { kind: 'none' }, ports.clock.now());
  const errors = uploadProblems(req);
  if (errors.length) throw new Invalid('the upload is not an accepted e-material', errors);
  return ports.uploads.presign(caller.sub, req);
}
