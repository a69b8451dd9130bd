/**
 * A small, deterministic XML writer for the e-file packages [E24]: the same input gives the same bytes
 * (attributes in the order given, two-space indent, LF), so a signature over an element's text can be
 * checked by anyone who extracts that element again. Text that XML 1.0 cannot carry (control
 * characters, lone surrogates) is replaced by U+FFFD rather than written.
 */
export interface XmlNode {
  name: string;
  attrs?: [string, string][];
  children?: (XmlNode | string)[];
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as libxml2 writes it back (so an element extracted with `xmllint --xpath` is byte for byte as here). */
export const escapeText = (s: string) => s.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** An element: `el('题名', '食品经营许可')`, `el('文档', [['文档标识符', 'D1']], child, …)`. */
export function el(name: string, ...rest: (XmlNode | string | [string, string][] | undefined | false)[]): XmlNode {
  const attrs = Array.isArray(rest[0]) && (rest[0].length === 0 || Array.isArray(rest[0][0])) ? (rest.shift() as [string, string][]) : undefined;
  const children = rest.filter((c): c is XmlNode | string => c !== undefined && c !== false && !Array.isArray(c));
  return { name, ...(attrs ? { attrs } : {}), children };
}

/** The element as text, indented from `depth`; an element of text only stays on one line. */
export function renderXml(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = (node.attrs ?? []).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  const kids = node.children ?? [];
  if (!kids.length) return `${pad}<${node.name}${attrs}/>`;
  if (kids.every((k) => typeof k === 'string')) return `${pad}<${node.name}${attrs}>${kids.map((k) => escapeText(k as string)).join('')}</${node.name}>`;
  const inner = kids.map((k) => (typeof k === 'string' ? `${'  '.repeat(depth + 1)}${escapeText(k)}` : renderXml(k, depth + 1))).join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}

/** Base64 in lines of 76 characters, as MIME writes it: readable, and `base64 -d` takes it as it is. */
export function base64Lines(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\n');
}

/**
 * A signed object as a child of its root (depth 1), from its start tag to its end tag and the line end
 * after it: byte for byte what `xmllint --xpath '/root/被签名对象'` gives back, so a signature over
 * these bytes is checked from outside [E24].
 */
export const signedElement = (node: XmlNode) => `${renderXml(node, 1).trimStart()}\n`;
