import { sha256Hex } from '../audit.ts';
import { shanghaiDate } from '../calendar.ts';
import type { CaseFile } from '../case-file.ts';
import type { Licence } from '../licence.ts';
import type { RetentionClass } from '../matter.ts';
import { base64Lines, el, renderXml, signedElement, type XmlNode } from './xml.ts';

/**
 * The e-file of a case as one encapsulation package in the sense of DA/T 48 [E24]: root
 * `电子文件封装包`; its `被签名对象` holds the metadata in DA/T 46 terms (题名, 责任者, 日期, 档号, 保管期限,
 * 密级 …) and, in `封装内容`, every part of the file base64-encoded with its SHA-256, format and size: the
 * materials as filed, their signatures, every notice as issued, the licence, the audit trail. The
 * `电子签名块` signs the `被签名对象` exactly as written; the `锁定签名` signs everything before it, so the
 * package is read and checked with an XML tool and OpenSSL alone, without the platform.
 */
export const PACKAGE_FORMAT = '本封装包遵循 DA/T 48-2009《基于XML的电子文件封装规范》，元数据参照 DA/T 46-2009《文书类电子文件元数据方案》';
export const PACKAGE_VERSION = '2009';

export interface PackagePart {
  /** stable within the package: a material's code (and `.sig` for its signature), a notice's id, licence, audit */
  id: string;
  /** what it is, e.g. "食品经营许可申请书", "受理通知书" */
  title: string;
  kind: 'material' | 'signature' | 'notice' | 'licence' | 'audit';
  /** PDF, OFD, JPEG, PNG, XML, DER … */
  format: string;
  fileName: string;
  bytes: Buffer;
}

/** 保管期限 as DA/T 46 writes it, and its code in the 档号. */
export const RETENTION_NAME: Record<RetentionClass, string> = { permanent: '永久', '30y': '30年', '10y': '10年', dev: '开发测试（秒）' };
const RETENTION_CODE: Record<RetentionClass, string> = { permanent: 'Y', '30y': 'D30', '10y': 'D10', dev: 'DEV' };

/**
 * 档号 (archival reference code): 全宗 (the accepting department) - 年度 (the year the case closed) -
 * 保管期限 - 件号 (the case id, unique in the platform), e.g. 610113-XZSP-2026-D30-ZW20261201K7Q2M9XA3B.
 */
export const archivalCode = (dept: string, closedAt: string, retention: RetentionClass, caseId: string) => `${dept}-${shanghaiDate(closedAt).slice(0, 4)}-${RETENTION_CODE[retention]}-${caseId}`;

export interface PackageInput {
  file: CaseFile;
  licence?: Licence;
  parts: PackagePart[];
  deptName: string;
  retainUntil: string;
  createdAt: string;
  /** 立档单位 / 封装包创建单位 */
  creator: string;
}

/** The audit trail as XML: one event per element, each with the hash that chains it [H9]. */
export function auditXml(file: CaseFile): Buffer {
  const events = file.events.map((e) =>
    el(
      '事件',
      [['序号', String(e.seq)]],
      el('时间', e.at),
      el('行为', e.action),
      el('行为人', `${e.actor.name}（${e.actor.role}${e.actor.dept ? `，${e.actor.dept}` : ''}）`),
      el('行为人标识', e.actor.sub),
      el('原状态', e.from ?? ''),
      el('新状态', e.to),
      e.detail ? el('说明', JSON.stringify(e.detail)) : undefined,
      el('前一事件哈希', e.prevHash),
      el('事件哈希', e.hash),
    ),
  );
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(el('审计记录', [['办件编号', file.case.caseId]], ...events))}\n`);
}

/** The licence as XML: what was issued, as signed, and its signature. */
/** The package part that holds the licence's PDF rendition [E15]. */
export const LICENCE_PDF_PART = 'licence.pdf';

export function licenceXml(l: Licence): Buffer {
  const data = Object.entries(l.data).map(([k, v]) => el('照面项', [['名称', k]], v));
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(
      el(
        '电子证照',
        el('证照标识', l.licenceId),
        el('证照类型代码', l.type),
        el('证照名称', l.typeName),
        el('版本', String(l.version)),
        el('持证主体', l.holder.name),
        el('颁证单位', l.issuer.name),
        el('颁证单位代码', l.issuer.code),
        el('颁证时间', l.issuedAt),
        el('有效期起始', l.validFrom),
        l.validUntil ? el('有效期截止', l.validUntil) : undefined,
        el('照面信息', ...data),
        el('签名值', l.signature),
        el('签名密钥', l.keyId),
        // its PDF rendition, the part licence.pdf of the same package, and the issuer's signature over its hash (pdfSignedPart)
        l.pdf ? el('版式文件', el('文件名', 'licence.pdf'), el('摘要算法', 'SHA-256'), el('摘要值', l.pdf.sha256), el('签名值', l.pdf.signature), el('签名密钥', l.pdf.keyId)) : undefined,
      ),
    )}\n`,
  );
}

function documentOf(p: PackagePart, n: number): XmlNode {
  return el(
    '文档',
    el('文档标识符', p.id),
    el('文档序号', String(n)),
    el('文档主题', p.title),
    el('文档类别', { material: '申请材料', signature: '电子签名', notice: '文书', licence: '电子证照', audit: '审计记录' }[p.kind]),
    el(
      '文档数据',
      el(
        '编码',
        el('电子属性', el('格式信息', p.format), el('计算机文件名', p.fileName), el('计算机文件大小', String(p.bytes.length)), el('哈希算法', 'SHA-256'), el('哈希值', sha256Hex(p.bytes))),
        el('编码描述', '“编码数据”元素存储的是计算机文件二进制流的 Base64 编码'),
        el('反编码关键字', 'base64'),
        el('编码数据', base64Lines(p.bytes)),
      ),
    ),
  );
}

/**
 * The `被签名对象` of a case's package, as text from `<被签名对象` to `</被签名对象>` and the line end after
 * it: exactly the bytes the package signature covers, and exactly what
 * `xmllint --xpath '/电子文件封装包/被签名对象'` gives back.
 */
export function signedObject(input: PackageInput): string {
  const c = input.file.case;
  const closedAt = c.completedAt ?? input.createdAt;
  const code = archivalCode(c.acceptingDept, closedAt, c.retention, c.caseId);
  const node = el(
    '被签名对象',
    [['eep版本', PACKAGE_VERSION]],
    el('封装包类型', '原始型'),
    el('封装包类型描述', '本封装包包含电子文件数据及其元数据，原始封装，未经修改'),
    el('封装包创建时间', input.createdAt),
    el('封装包创建单位', input.creator),
    el(
      '封装内容',
      el(
        '文件实体块',
        el(
          '文件实体',
          el('聚合层次', '件'),
          el('来源', el('档案馆名称', '陕西省档案馆'), el('立档单位名称', input.deptName), el('全宗号', c.acceptingDept)),
          el('档号', el('档号值', code), el('全宗号', c.acceptingDept), el('年度', shanghaiDate(closedAt).slice(0, 4)), el('保管期限', RETENTION_NAME[c.retention]), el('件号', c.caseId)),
          el(
            '内容描述',
            el('题名', `${c.matterName}（${c.applicant.name}）`),
            el('主题词', c.matterName),
            el('事项编码', c.matterCode),
            el('事项版本', String(c.matterVersion)),
            el('办件编号', c.caseId),
            el('接收回执编号', c.receiptNo),
            el('办理结果', c.result?.outcome ?? c.status),
            input.licence ? el('电子证照标识', input.licence.licenceId) : undefined,
          ),
          el('形式特征', el('文件组合类型', '组合文件'), el('件数', String(input.parts.length)), el('语种', '汉语')),
          el('责任者', input.deptName),
          el('日期', shanghaiDate(closedAt)),
          el('收件日期', c.submittedAt),
          el('办结日期', closedAt),
          el('保管期限', RETENTION_NAME[c.retention]),
          el('保管期限截止', input.retainUntil),
          el('密级', '公开'),
          el('存储位置', el('当前位置', '陕西政务服务网电子档案库（对象锁定，COMPLIANCE 模式）')),
          el('权限管理', el('控制标识', '依申请公开')),
          el('信息系统描述', '陕西政务服务网'),
          el('电子文件数据', ...input.parts.map((p, i) => documentOf(p, i + 1))),
        ),
      ),
      el('业务实体块', ...input.file.events.map((e) => el('业务实体', el('业务状态', e.to), el('业务行为', e.action), el('行为时间', e.at), el('行为依据', '《陕西政务服务网运行管理暂行办法》')))),
      el('机构人员实体块', el('机构人员实体', el('机构人员类型', '单位'), el('机构人员名称', input.deptName), el('组织机构代码', c.acceptingDept))),
    ),
  );
  return signedElement(node);
}

export interface PackageSignature {
  /** base64 of the DER signature over the UTF-8 bytes of the 被签名对象 as written */
  value: string;
  algorithm: string;
  signer: string;
  /** the verifying key, PEM (SubjectPublicKeyInfo) */
  publicKey: string;
  keyId: string;
  signedAt: string;
  /** base64 of the RFC 3161 TimeStampResp over the signature's bytes, if a TSA answered */
  timestamp?: string;
  tsa?: string;
}

/** The 电子签名块: the package signature, its key, and its time-stamp. */
export function signatureBlock(s: PackageSignature): string {
  return renderXml(
    el(
      '电子签名块',
      el(
        '电子签名',
        el('签名标识符', 'SIG1'),
        el('签名规则', `对“被签名对象”元素自 <被签名对象 起至 </被签名对象> 及其后换行符止的 UTF-8 字节签名（即 xmllint --xpath '/电子文件封装包/被签名对象' 的输出），${s.algorithm}`),
        el('签名时间', s.signedAt),
        el('签名人', s.signer),
        el('签名结果', s.value),
        el('证书块', el('证书', s.publicKey.trim()), el('证书引证', s.keyId)),
        el('签名算法标识', s.algorithm),
        s.timestamp ? el('时间戳', el('时间戳服务', s.tsa ?? ''), el('时间戳标准', 'RFC 3161'), el('时间戳数据', s.timestamp)) : undefined,
      ),
    ),
    1,
  );
}

/** The package up to its lock: declaration, root, format description, version, signed object, signatures. */
export function unlockedPackage(signed: string, block: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<电子文件封装包>\n  <封装包格式描述>${PACKAGE_FORMAT}</封装包格式描述>\n  <版本>${PACKAGE_VERSION}</版本>\n  ${signed}${block}\n`;
}

/** The whole package: the 锁定签名 signs every byte before it, so nothing can be added or changed unnoticed. */
export function lockedPackage(unlocked: string, lock: { value: string; algorithm: string; signedAt: string }): string {
  return `${unlocked}${renderXml(el('锁定签名', el('签名规则', `对本封装包自开头至“锁定签名”元素之前全部字节（UTF-8）的签名，${lock.algorithm}`), el('签名时间', lock.signedAt), el('签名结果', lock.value)), 1)}\n</电子文件封装包>\n`;
}
