import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { uploadStore } from '#shared/adapters/s3/uploads';
import { systemClock } from '#shared/adapters/system';
import { requestUpload, requestUploads } from '#shared/domain/steps/uploads';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { SingleUpload, UploadBatch } from '#shared/http/schemas';

const ports = { uploads: uploadStore, staff: staffRegister, authorisations: authorisationStore, clock: systemClock };

/** POST /v1/uploads: a presigned PUT for one e-material [N15] [E12], or one for each of several (`files`), under the caller's own prefix. */
export const handler = apiHandler('uploads', {
  'POST /v1/uploads': async ({ caller, body }) => {
    if (body && typeof body === 'object' && 'files' in body) return { status: 201, body: await requestUploads(ports, caller, parseBody(UploadBatch, body).files) };
    return { status: 201, body: await requestUpload(ports, caller, parseBody(SingleUpload, body)) };
  },
});
