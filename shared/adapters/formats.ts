import { XMLValidator } from 'fast-xml-parser';
import { PDFDocument } from 'pdf-lib';
import type { FormatReader } from '../domain/rules/e18-four-properties.ts';

/**
 * Whether a part is usable as what its format says [E18] [E24]: XML well-formed (fast-xml-parser's
 * validator, which checks tags, attributes and entities), a PDF that pdf-lib opens with at least one
 * page. The four-property check reads every part through these.
 */
export const formatReader: FormatReader = {
  xml(bytes) {
    const res = XMLValidator.validate(bytes.toString('utf8'), { allowBooleanAttributes: false });
    return res === true ? undefined : `${res.err.msg} (line ${res.err.line})`;
  },
  async pdf(bytes) {
    if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) return 'no %PDF- header';
    try {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
      return doc.getPageCount() > 0 ? undefined : 'it has no pages';
    } catch (err) {
      return (err as Error).message.split('\n')[0];
    }
  },
};
