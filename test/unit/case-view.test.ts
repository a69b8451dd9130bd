test('an applicant’s list entry uses exactly the fields the byApplicant index projects (nothing missing, nothing paid for twice)', async () => {
  const { CASE_SUMMARY_FIELDS } = await import('../../shared/domain/case');
  const { caseSummary } = await import('../../shared/domain/case-view');
  const item = Object.fromEntries(CASE_SUMMARY_FIELDS.map((f) => [f, `v-${f}`])) as never;
  expect(Object.keys(caseSummary(item)).sort()).toEqual([...CASE_SUMMARY_FIELDS].sort());
  expect(Object.values(caseSummary(item)).every((v) => String(v).startsWith('v-'))).toBe(true);
});
