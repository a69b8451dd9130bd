import { alertStore } from '#shared/adapters/dynamodb/alerts';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { hallStore } from '#shared/adapters/dynamodb/halls';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { regions } from '#shared/adapters/regions';
import { systemClock } from '#shared/adapters/system';
import type { AlertLevel, AlertStatus } from '#shared/domain/alert';
import { readMetrics } from '#shared/domain/steps/metrics';
import { listAlerts, listRules } from '#shared/domain/steps/supervision';
import { counterStore } from '#shared/adapters/dynamodb/counters';
import { apiHandler } from '#shared/http/handler';
import { pageOf } from '#shared/http/paging';
import { queryChoice } from '#shared/http/parse';

const ports = { halls: hallStore, alerts: alertStore, counters: counterStore, cases: caseRepository, catalog: catalogReader, regions, staff: staffRegister, authorisations: authorisationStore, clock: systemClock };

/** 电子监察 for supervisors [N20]: the rules, the alerts of their region, and its figures. */
export const handler = apiHandler('supervision', {
  'GET /v1/supervision/rules': async ({ caller }) => ({ body: await listRules(ports, caller) }),
  'GET /v1/supervision/metrics': async ({ caller, query }) => ({ body: await readMetrics(ports, caller, { from: query.from, to: query.to, region: query.region, dept: query.dept, by: query.by }) }),
  'GET /v1/supervision/alerts': async ({ caller, query }) => ({
    body: await listAlerts(
      ports,
      caller,
      { level: queryChoice<AlertLevel>('level', query.level, ['yellow', 'red']), status: queryChoice<AlertStatus>('status', query.status, ['open', 'cleared']), region: query.region, dept: query.dept },
      pageOf(query),
    ),
  }),
});
