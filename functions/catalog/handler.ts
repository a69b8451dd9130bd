import { requireCaller, requireRole } from '#shared/auth/caller';
import { approveChange, getChange, proposeChange, rejectChange } from '#shared/catalog/changes';
import type { Matter } from '#shared/domain/matter';
import { ChangeDecision, ChangeProposal, ChangeRejection } from '#shared/domain/schemas';
import { apiHandler } from '#shared/http/api';
import { parseBody } from '#shared/http/parse';
import { notFound } from '#shared/http/problem';

/** The catalog office's API (N8–N11): propose, review and apply changes. */
export const handler = apiHandler(async (req) => {
  const caller = requireCaller(req.caller);
  switch (req.route) {
    case 'POST /v1/catalog/changes': {
      const body = parseBody(ChangeProposal, req.body);
      const change = await proposeChange(requireRole(caller, 'catalog_admin'), { ...body, patch: body.patch as Partial<Matter>, matters: body.matters as unknown as Matter[] });
      return { status: 201, body: change };
    }
    case 'GET /v1/catalog/changes/{id}': {
      requireRole(caller, 'catalog_admin', 'office_reviewer', 'justice_reviewer', 'supervisor');
      const c = await getChange(req.path.id);
      if (!c) throw notFound(`there is no change ${req.path.id}`);
      return { body: c };
    }
    case 'POST /v1/catalog/changes/{id}/approve':
      return { body: await approveChange(caller, req.path.id, parseBody(ChangeDecision, req.body ?? {}).comment) };
    case 'POST /v1/catalog/changes/{id}/reject':
      return { body: await rejectChange(caller, req.path.id, parseBody(ChangeRejection, req.body).reason) };
    default:
      throw notFound(`no route ${req.route}`);
  }
});
