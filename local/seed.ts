
/** the matter only the local runtime has, its e-files kept under the `dev` class (a copy of 高龄老人生活保健补贴, 雁塔区) */
export const LOCAL_DEV_MATTER_CODE = '005101019999-610113-MZ';

/**
 * The demo data a fresh platform starts with, written through the platform's own adapters (so into
 * whatever tables CASES_TABLE and CATALOG_TABLE name, on whatever endpoint the SDK is pointed at): the
 * local runtime seeds its engines with it, `npm run localstack:deploy` a LocalStack deployment.
 */
export async function seedCatalog(opts: { catalog: 'demo' | 'large'; devMatter: boolean; log: (l: string) => void }): Promise<void> {
  const { putCatalog } = await import('../shared/adapters/dynamodb/catalog.ts');
  const tSeed = Date.now();
  // --catalog large: the provincial-scale catalog (issue 3) instead of the small demo one
  const { matters, departments } = opts.catalog === 'large' ? (await import('../shared/catalog/generate.ts')).generateCatalog() : await import('../shared/catalog/demo-seed.ts');
  // one matter only a development runtime has: its e-files are kept under the `dev` class
  const dev = opts.devMatter ? [localDevMatter(matters)] : [];
  await putCatalog([...matters, ...dev], departments);
  // the demo halls, their windows and hours [H8] [H11]
  const [{ putHalls }, { DEMO_HALLS }] = await Promise.all([import('../shared/adapters/dynamodb/halls.ts'), import('../shared/catalog/demo-halls.ts')]);
  await putHalls(DEMO_HALLS);
  // the retention schedule (保管期限表) [E22] as an archivist would first set it: each matter type's class
  if (opts.catalog !== 'large') await seedRetentionSchedule(matters);
  opts.log(`seeded the ${opts.catalog} catalog: ${matters.length} matters, ${departments.length} departments, in ${Date.now() - tSeed} ms`);
}

function localDevMatter<M extends { code: string; name: string; retention: string }>(matters: M[]): M {
  const base = matters.find((m) => m.code === '005101010000-610113-MZ');
  if (!base) throw new Error('the demo catalog lacks 高龄老人生活保健补贴 (005101010000-610113-MZ), which the development matter copies');
  return { ...base, code: LOCAL_DEV_MATTER_CODE, name: `（开发环境·档案销毁演示）${base.name}`, retention: 'dev' };
}

async function seedRetentionSchedule(matters: { code: string; retention: string }[]): Promise<void> {
  const { retentionScheduleStore } = await import('../shared/adapters/dynamodb/retention-schedule.ts');
  const { baseCodeOf } = await import('../shared/domain/retention-schedule.ts');
  const by = { sub: 'local-runtime', name: '本地运行环境', role: 'archivist' as const };
  const at = new Date().toISOString();
  const basis = '《陕西政务服务网电子文件管理暂行办法》第二十二条；按事项目录的保管期限初始设定';
  const classes = new Map(matters.map((m) => [baseCodeOf(m.code), m.retention as 'permanent' | '30y' | '10y']));
  await Promise.all([...classes].map(([baseCode, retention]) => retentionScheduleStore.set({ baseCode, retention, basis, approvedBy: by, approvedAt: at, version: 1 }, { baseCode, at, by, to: retention, basis }, 0)));
}

/** The TSA's root as a trust anchor, as an operator registers their TSA's [E18] [E24]: the four-property check holds every time-stamp to it. */
export async function registerTsaRoot(caPem: string): Promise<void> {
  const [{ addTrustAnchor }, { trustAnchorStore }, { staffRegister }, { authorisationStore }, { systemClock }] = await Promise.all([
    import('../shared/domain/steps/trust-anchors.ts'),
    import('../shared/adapters/dynamodb/trust-anchors.ts'),
    import('../shared/adapters/dynamodb/staff-register.ts'),
    import('../shared/adapters/dynamodb/authorisations.ts'),
    import('../shared/adapters/system.ts'),
  ]);
  const operator = { sub: 'local-runtime', name: '本地运行环境', roles: ['operator'] } as Parameters<typeof addTrustAnchor>[1];
  await addTrustAnchor({ trustAnchors: trustAnchorStore, staff: staffRegister, authorisations: authorisationStore, clock: systemClock }, operator, { name: '本地时间戳服务根证书 (Local TSA Root)', certificate: caPem });
}

