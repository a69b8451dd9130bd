/**
 * A package read back as the platform wrote it [E24] (./package.ts): its signed object exactly as the
 * signature covers it, the signature block, the lock, and every part with what the package states of
 * it. The reader is strict about the layout and says what it could not find; whether the XML is
 * well-formed at all is the format reader's question, not this one's.
 */
export interface ReadPart {
  id: string;
  category: string;
  format: string;
  fileName: string;
  statedSize: number;
  statedSha256: string;
  /** the decoded bytes, or undefined when the 编码数据 is not base64 */
  bytes?: Buffer;
}

export interface ReadPackage {
  signedObject?: Buffer;
  /** every byte before the 锁定签名 element */
  unlocked?: Buffer;
  signature?: Buffer;
  publicKey?: string;
  timestamp?: Buffer;
  lock?: Buffer;
  /** the first value of an element in the signed object, by name (unescaped) */
  field(name: string): string | undefined;
  parts: ReadPart[];
  /** 件数 as stated */
  statedCount?: number;
}

const unescape = (s: string) => s.replace(/&#13;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#10;/g, '\n').replace(/&#9;/g, '\t').replace(/&amp;/g, '&');

/** The text of the first element of that name in `xml` ('' when it is empty, undefined when absent). */
export function elementText(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([^<]*)</${name}>)`).exec(xml);
  return m ? unescape(m[1] ?? '') : undefined;
}

const BASE64 = /^[A-Za-z0-9+/\n]*={0,2}$/;

export function readPackage(bytes: Buffer): ReadPackage {
  const text = bytes.toString('utf8');
  const open = text.indexOf('<被签名对象');
  const closeTag = '</被签名对象>';
  const close = text.indexOf(closeTag);
  const signedText = open >= 0 && close > open ? text.slice(open, close + closeTag.length + 1) : undefined;
  const lockAt = bytes.indexOf(Buffer.from('  <锁定签名>'));
  const block = close >= 0 ? text.slice(close) : '';
  const lockText = lockAt >= 0 ? bytes.subarray(lockAt).toString('utf8') : '';
  const b64 = (s: string | undefined) => (s !== undefined && BASE64.test(s) && s.length > 0 ? Buffer.from(s, 'base64') : undefined);
  const signed = signedText ?? '';
  const parts = [...signed.matchAll(/<文档>([\s\S]*?)<\/文档>/g)].map(([, doc]): ReadPart => {
    const data = elementText(doc, '编码数据');
    return {
      id: elementText(doc, '文档标识符') ?? '',
      category: elementText(doc, '文档类别') ?? '',
      format: elementText(doc, '格式信息') ?? '',
      fileName: elementText(doc, '计算机文件名') ?? '',
      statedSize: Number(elementText(doc, '计算机文件大小') ?? NaN),
      statedSha256: elementText(doc, '哈希值') ?? '',
      bytes: data === '' ? Buffer.alloc(0) : b64(data),
    };
  });
  const count = elementText(signed, '件数');
  return {
    signedObject: signedText === undefined ? undefined : Buffer.from(signedText),
    unlocked: lockAt >= 0 ? bytes.subarray(0, lockAt) : undefined,
    signature: b64(elementText(block, '签名结果')),
    publicKey: elementText(block, '证书'),
    timestamp: b64(elementText(block, '时间戳数据')),
    lock: b64(elementText(lockText, '签名结果')),
    field: (name) => elementText(signed, name),
    parts,
    statedCount: count === undefined ? undefined : Number(count),
  };
}
