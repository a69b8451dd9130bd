import { requireRole } from '#shared/auth/caller';
import { UploadRequest } from '#shared/domain/schemas';
import { apiHandler } from '#shared/http/api';
import { parseBody } from '#shared/http/parse';
import { presignUpload } from '#shared/storage/uploads';

/** POST /v1/uploads: a presigned PUT for one material (N15, E12: e-materials are accepted). */
export const handler = apiHandler(async (req) => {
  const caller = requireRole(req.caller, 'citizen', 'agent', 'clerk');
  const body = parseBody(UploadRequest, req.body);
  return { status: 201, body: await presignUpload(caller.sub, body) };
});
