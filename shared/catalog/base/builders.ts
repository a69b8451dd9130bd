import type { LicenceType, Material, Step } from '../../domain/matter.ts';

/** The pieces every catalog data file is written with (the demo seed, the common catalog, townships). */
export const UPLOAD_FORMATS = ['application/pdf', 'image/jpeg', 'image/png'];

/** A material the applicant uploads. */
export const applicant = (code: string, name: string, required = true): Material => ({
  code,
  name,
  required,
  source: 'applicant',
  waivable: false,
  formats: [...UPLOAD_FORMATS],
});
/** Held by the shared data store (身份证, 户口簿, 社保 …): not asked for again (免提交) [E14]. */
export const shared = (code: string, name: string, required = true): Material => ({ code, name, required, source: 'shared', waivable: true });
/**
 * Types of e-licence (证照类型) the catalog's matters issue and ask for [E14] [E15]. A code is the 基本编码
 * of the matter that first issues the type, standing in for the national 证照类型代码 until that list is
 * loaded; a type several matters issue (营业执照: 设立, 变更) has one code.
 */
export const LICENCE_TYPES = {
  营业执照: { code: '000109002000', name: '营业执照' },
  食品经营许可证: { code: '000109001000', name: '食品经营许可证', validYears: 5 },
} as const satisfies Record<string, LicenceType>;

/**
 * An e-licence the licence store holds (营业执照, 不动产权证书, 资格证书 …): not asked for again [E14] [N18].
 * With its `type`, a valid licence of that type the applicant holds serves it; without one (a type this
 * platform does not issue), the shared exchange is taken to supply it.
 */
export const licence = (code: string, name: string, required = true, type?: LicenceType): Material => ({ code, name, required, source: 'licence', waivable: true, ...(type ? { licenceType: type.code } : {}) });

/** 申请 → 受理 → 审查 → 决定 → 送达, in working days (申请 is the applicant's and takes none of them). */
export const steps = (accept: number, review: number, decide: number, deliver: number, reviewName = '审查'): Step[] => [
  { name: '申请', days: 0 },
  { name: '受理', days: accept },
  { name: reviewName, days: review },
  { name: '决定', days: decide },
  { name: '送达', days: deliver },
];
/** 即办件: accepted, decided and delivered on the spot (a fresh array each time). */
export const onTheSpot = (): Step[] => steps(0, 0, 0, 0);

export const FREE = '不收费';
/** a matter with a single handling item */
export const ONE = ['办理'];
