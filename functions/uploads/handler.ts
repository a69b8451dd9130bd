import { presignUpload } from '#shared/adapters/s3/uploads';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { UploadRequest } from '#shared/http/schemas';

/** POST /v1/uploads: a presigned PUT for one material [N15] [E12] (e-materials are accepted), under the caller's own prefix. */
export const handler = apiHandler('uploads', {
  'POST /v1/uploads': async ({ caller, body }) => ({ status: 201, body: await presignUpload(caller.sub, parseBody(UploadRequest, body)) }),
});
