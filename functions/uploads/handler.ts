import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { uploadStore } from '#shared/adapters/s3/uploads';
import { systemClock } from '#shared/adapters/system';
import { requestUpload } from '#shared/domain/steps/uploads';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { UploadRequest } from '#shared/http/schemas';

const ports = { uploads: uploadStore, staff: staffRegister, authorisations: authorisationStore, clock: systemClock };

/** POST /v1/uploads: a presigned PUT for one e-material [N15] [E12], under the caller's own prefix. */
export const handler = apiHandler('uploads', {
  'POST /v1/uploads': async ({ caller, body }) => ({ status: 201, body: await requestUpload(ports, caller, parseBody(UploadRequest, body)) }),
});
