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

/**
 * POST /v1/uploads with `files`: a presigned PUT for each of several materials in one request (a form's
 * materials at once), in the order asked; one that is not an accepted e-material refuses them all, each
 * fault named by its place (`files[1].contentType`), and no link is made.
 */
export async function requestUploads(ports: Pick<Ports, 'uploads' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, files: UploadRequest[]) {
  await authorize(ports, caller, 'upload.create', { kind: 'none' }, ports.clock.now());
  const errors = files.flatMap((f, i) => uploadProblems(f).map((e) => ({ ...e, path: `files[${i}].${e.path}` })));
  if (errors.length) throw new Invalid('not every upload is an accepted e-material', errors);
  return { uploads: await Promise.all(files.map((f) => ports.uploads.presign(caller.sub, f))) };
}
