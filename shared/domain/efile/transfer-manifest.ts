import type { Transfer } from '../transfer.ts';
import { el, signedElement } from './xml.ts';

/**
 * The 移交清单 of a transfer batch [E26] as XML: the batch, who transfers to whom, and every package
 * with its 档号, object version, size and SHA-256, so the state archive checks what it received
 * package by package. Its `被签名对象` is written as the packages' is (./package.ts), so the same
 * `xmllint --xpath` gives back the bytes the signature covers.
 */
export function manifestSignedObject(t: Pick<Transfer, 'transferId' | 'year' | 'region' | 'dueBy' | 'packages' | 'preparedAt'>, from: string): string {
  const node = el(
    '被签名对象',
    el('移交批次', t.transferId),
    el('移交单位', from),
    el('接收单位', '陕西省档案馆'),
    el('年度', t.year),
    el('行政区划', t.region),
    el('保管期限', '永久'),
    el('移交时间', t.preparedAt),
    el('应移交期限', t.dueBy),
    el('件数', String(t.packages.length)),
    el('总字节数', String(t.packages.reduce((n, p) => n + p.bytes, 0))),
    el(
      '档案清单',
      ...t.packages.map((p, i) =>
        el('档案', [['序号', String(i + 1)]], el('档号', p.archivalCode), el('办件编号', p.caseId), el('题名', p.title), el('对象键', p.key), el('对象版本', p.versionId), el('字节数', String(p.bytes)), el('哈希算法', 'SHA-256'), el('哈希值', p.sha256)),
      ),
    ),
  );
  return signedElement(node);
}

export const manifestXml = (signed: string, block: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<电子档案移交清单>\n  ${signed}${block}\n</电子档案移交清单>\n`;
