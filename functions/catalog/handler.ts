import { alertStore } from '#shared/adapters/dynamodb/alerts';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { catalogChangeStore, catalogReader, listPublishedGuides } from '#shared/adapters/dynamodb/catalog';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { workflows } from '#shared/adapters/sfn/workflows';
import { regions } from '#shared/adapters/regions';
import { systemClock } from '#shared/adapters/system';
import { countiesOf, regionByCode, shaanxiRegions, SHAANXI } from '#shared/catalog/regions';
import { missingGuideFields } from '#shared/domain/rules/n20-guide-completeness';
import { sameLevelDifferences } from '#shared/domain/rules/n11-same-level-consistency';
import { approveChange, getChange, proposeChange, rejectChange } from '#shared/domain/steps/catalog-changes';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { badRequest } from '#shared/http/problem';
import { ChangeDecision, ChangeProposal, ChangeRejection } from '#shared/http/schemas';

const ports = { catalog: catalogReader, catalogChanges: catalogChangeStore, regions, workflows, clock: systemClock, staff: staffRegister, authorisations: authorisationStore, alerts: alertStore };

/** The catalog office's API [N8] [N10] [N11] [N20]: propose, review and apply changes; oversee consistency and completeness. */
export const handler = apiHandler('catalog', {
  'POST /v1/catalog/changes': async ({ caller, body }) => ({ status: 201, body: await proposeChange(ports, caller, parseBody(ChangeProposal, body)) }),
  'GET /v1/catalog/changes/{id}': async ({ caller, path }) => ({ body: await getChange(ports, caller, path.id) }),
  'POST /v1/catalog/changes/{id}/approve': async ({ caller, path, body }) => ({ body: await approveChange(ports, caller, path.id, parseBody(ChangeDecision, body ?? {}).comment) }),
  'POST /v1/catalog/changes/{id}/reject': async ({ caller, path, body }) => ({ body: await rejectChange(ports, caller, path.id, parseBody(ChangeRejection, body).reason) }),
  'GET /v1/catalog/consistency': async ({ query }) => {
    const { level, parent } = query;
    const parentRegion = regionByCode(parent ?? '');
    if (!parentRegion || (level !== 'county' && level !== 'city')) {
      throw badRequest('give level=county with a city as parent, or level=city with parent=610000', [{ path: 'parent', message: `unknown or unsuitable ${parent}` }]);
    }
    const codes = (level === 'county' ? countiesOf(parentRegion.code) : shaanxiRegions().filter((r) => r.level === 'city' && r.parent === SHAANXI)).map((r) => r.code);
    if (!codes.length) throw badRequest(`${parent} has no ${level}-level regions`, [{ path: 'parent', message: 'no children' }]);
    // township items sit in their county's partition of the index: compare like with like
    const items = (await Promise.all(codes.map((r) => listPublishedGuides(r)))).flat().filter((m) => m.level === level);
    return { body: { level, parent, regions: codes, differences: sameLevelDifferences(codes, items) } };
  },
  'GET /v1/catalog/completeness': async ({ query }) => {
    const region = regionByCode(query.region ?? '');
    if (!region) throw badRequest('give ?region= a Shaanxi region code', [{ path: 'region', message: 'unknown' }]);
    const incomplete = (await listPublishedGuides(region.code)).map((m) => ({ code: m.code, name: m.name, dept: m.dept, missing: missingGuideFields(m) })).filter((x) => x.missing.length);
    return { body: { region: region.code, incomplete } };
  },
});
