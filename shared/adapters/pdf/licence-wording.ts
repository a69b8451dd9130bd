import type { Licence } from '../../domain/licence.ts';
import { cnDate, type Block } from './wording.ts';

/** What the 照面 prints before the rest of the data, in this order; the title already names the licence. */
const LEADING = ['持证主体', '事项名称', '办件编号'];
const PRINTED_ELSEWHERE = new Set(['证照名称', '颁证单位', '颁证日期', '有效期至']);

/**
 * A person's identity number is not printed whole on a document they may show to others (the
 * verification page tells nothing about the holder either); an enterprise's 统一社会信用代码 is public.
 */
const holderNumber = (h: Licence['holder']) => (h.type === 'org' ? h.idNumber : `${h.idNumber.slice(0, 6)}********${h.idNumber.slice(-4)}`);

/**
 * What an e-licence's PDF says [E15]: the licence made out as a document, with every field of its
 * structured data (照面信息) as issued, its GB/T 36904 identifier, its period of validity, and the
 * signature of the issuing department over that data, so a printed or forwarded copy can be checked
 * against the platform's public verification.
 */
export function licenceParagraphs(l: Licence): Block[] {
  const fields = Object.entries(l.data).filter(([k]) => !PRINTED_ELSEWHERE.has(k));
  const ordered = [...LEADING.flatMap((k) => fields.filter(([f]) => f === k)), ...fields.filter(([k]) => !LEADING.includes(k))];
  const validity = l.validUntil ? `${cnDate(l.validFrom)}至${cnDate(l.validUntil)}` : `自${cnDate(l.validFrom)}起长期有效`;
  return [
    { text: l.issuer.name, style: 'small', align: 'center' },
    { text: l.typeName, style: 'title', align: 'center', spaceBefore: 8 },
    { text: `电子证照　第 ${l.version} 版${l.supersedes ? `（替代 ${l.supersedes}）` : ''}`, style: 'small', align: 'center' },
    { text: `证照标识：${l.licenceId}`, style: 'plain', spaceBefore: 18 },
    { text: `证照类型代码：${l.type}`, style: 'plain' },
    ...ordered.map(([k, v]): Block => ({ text: `${k}：${v}`, style: 'plain' })),
    { text: `${l.holder.type === 'org' ? '统一社会信用代码' : '证件号码'}：${holderNumber(l.holder)}`, style: 'plain' },
    { text: `有效期限：${validity}`, style: 'plain' },
    { text: `颁证单位：${l.issuer.name}（统一社会信用代码 ${l.issuer.code}）`, style: 'plain' },
    { text: l.issuer.name, style: 'plain', align: 'right', spaceBefore: 28 },
    { text: cnDate(l.validFrom), style: 'plain', align: 'right' },
    { text: `电子签名（ECDSA P-256，SHA-256，签名密钥 ${l.keyId}）：${l.signature}`, style: 'small', spaceBefore: 20 },
    { text: '本电子证照由颁证单位电子签名后签发，与纸质证照具有同等法律效力。证照状态（有效、注销、被新版本替代）以陕西政务服务网凭证照标识核验的结果为准。', style: 'small' },
  ];
}
