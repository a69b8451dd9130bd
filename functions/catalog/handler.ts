import { requireCaller } from '#shared/auth/caller';
import { listPublishedGuides } from '#shared/catalog/catalog-store';
import { approveChange, getChange, proposeChange, rejectChange } from '#shared/catalog/changes';
import { countiesOf, regionByCode, shaanxiRegions, SHAANXI } from '#shared/catalog/regions';
import { missingGuideFields } from '#shared/catalog/rules/guide-completeness';
import { sameLevelDifferences } from '#shared/catalog/rules/same-level-consistency';
import type { Matter } from '#shared/domain/matter';
import { ChangeDecision, ChangeProposal, ChangeRejection } from '#shared/domain/schemas';
import { apiHandler } from '#shared/http/api';
import { parseBody } from '#shared/http/parse';
import { badRequest, notFound } from '#shared/http/problem';

/** The catalog office's API (N8–N11): propose, review and apply changes. */
export const handler = apiHandler(async (req) => {
  // roles are checked before this runs, by the API handler from shared/auth/permissions.ts
  const caller = requireCaller(req.caller);
  switch (req.route) {
    case 'POST /v1/catalog/changes': {
      const body = parseBody(ChangeProposal, req.body);
      const change = await proposeChange(caller, { ...body, patch: body.patch as Partial<Matter>, matters: body.matters as unknown as Matter[] });
      return { status: 201, body: change };
    }
    case 'GET /v1/catalog/changes/{id}': {
      const c = await getChange(req.path.id);
      if (!c) throw notFound(`there is no change ${req.path.id}`);
      return { body: c };
    }
    case 'POST /v1/catalog/changes/{id}/approve':
      return { body: await approveChange(caller, req.path.id, parseBody(ChangeDecision, req.body ?? {}).comment) };
    case 'POST /v1/catalog/changes/{id}/reject':
      return { body: await rejectChange(caller, req.path.id, parseBody(ChangeRejection, req.body).reason) };
    case 'GET /v1/catalog/consistency': {
      const { level, parent } = req.query;
      const parentRegion = regionByCode(parent ?? '');
      if (!parentRegion || (level !== 'county' && level !== 'city')) {
        throw badRequest('give level=county with a city as parent, or level=city with parent=610000', [{ path: 'parent', message: `unknown or unsuitable ${parent}` }]);
      }
      const regions = (level === 'county' ? countiesOf(parentRegion.code) : shaanxiRegions().filter((r) => r.level === 'city' && r.parent === SHAANXI)).map((r) => r.code);
      if (!regions.length) throw badRequest(`${parent} has no ${level}-level regions`, [{ path: 'parent', message: 'no children' }]);
      // township items sit in their county's partition of the index: compare like with like
      const items = (await Promise.all(regions.map((r) => listPublishedGuides(r)))).flat().filter((m) => m.level === level);
      return { body: { level, parent, regions, differences: sameLevelDifferences(regions, items) } };
    }
    case 'GET /v1/catalog/completeness': {
      const region = regionByCode(req.query.region ?? '');
      if (!region) throw badRequest('give ?region= a Shaanxi region code', [{ path: 'region', message: 'unknown' }]);
      const incomplete = (await listPublishedGuides(region.code))
        .map((m) => ({ code: m.code, name: m.name, dept: m.dept, missing: missingGuideFields(m) }))
        .filter((x) => x.missing.length);
      return { body: { region: region.code, incomplete } };
    }
    default:
      throw notFound(`no route ${req.route}`);
  }
});
