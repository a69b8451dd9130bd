import { requireCaller } from '#shared/auth/caller';
import { UploadRequest } from '#shared/domain/schemas';
import { apiHandler } from '#shared/http/api';
import { parseBody } from '#shared/http/parse';
import { presignUpload } from '#shared/storage/uploads';

/** POST /v1/uploads: a presigned PUT for one material (N15, E12: e-materials are accepted). */
export const handler = apiHandler(async (req) => {
  // roles are checked before this runs, by the API handler from shared/auth/permissions.ts
  const caller = requireCaller(req.caller);
  const body = parseBody(UploadRequest, req.body);
  return { status: 201, body: await presignUpload(caller.sub, body) };
});
