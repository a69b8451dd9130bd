import type { FieldError } from '../errors.ts';

/**
 * What may be uploaded as an e-material [E12]: document formats a department can read and an
 * archive can keep (PDF, OFD, JPEG, PNG, XML), and for a signed material its detached signature and the
 * signer's certificate. Each type is bound to the name endings it may have, so a file is what its name
 * says; anything else (HTML, scripts, office macros) is refused before a byte is stored.
 */
export const UPLOAD_FORMATS: readonly { readonly format: string; readonly contentTypes: readonly string[]; readonly extensions: readonly string[] }[] = [
  { format: 'PDF', contentTypes: ['application/pdf'], extensions: ['pdf'] },
  { format: 'OFD', contentTypes: ['application/ofd'], extensions: ['ofd'] },
  { format: 'JPEG', contentTypes: ['image/jpeg'], extensions: ['jpg', 'jpeg'] },
  { format: 'PNG', contentTypes: ['image/png'], extensions: ['png'] },
  { format: 'XML', contentTypes: ['application/xml', 'text/xml'], extensions: ['xml'] },
  { format: 'signature', contentTypes: ['application/octet-stream'], extensions: ['sig'] },
  { format: 'certificate', contentTypes: ['application/pkix-cert'], extensions: ['cer', 'crt', 'der', 'pem'] },
];

/** The largest material accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const formatOf = (contentType: string) => UPLOAD_FORMATS.find((f) => f.contentTypes.includes(contentType.toLowerCase()));

// a name is a name: no directory separators, no dot segments, no control or bidirectional-override characters
// eslint-disable-next-line no-control-regex
const NOT_IN_A_NAME = /[/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Everything wrong with an upload request [E12], each naming its field; empty when it may be stored. */
export function uploadProblems(req: { fileName: string; contentType: string; size: number }): FieldError[] {
  const errors: FieldError[] = [];
  const name = req.fileName;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const format = formatOf(req.contentType);
  if (NOT_IN_A_NAME.test(name) || name === '.' || name === '..' || name.startsWith('.') || name.trim() !== name) {
    errors.push({ path: 'fileName', message: 'a file name, not a path: no slashes, no leading dot, no control characters' });
  } else if (format && !format.extensions.includes(ext)) {
    errors.push({ path: 'fileName', message: `a ${format.format} file is named .${format.extensions.join(' or .')}` });
  }
  if (!format) errors.push({ path: 'contentType', message: `not an accepted format: ${UPLOAD_FORMATS.flatMap((f) => f.contentTypes).join(', ')}` });
  if (!Number.isInteger(req.size) || req.size < 1 || req.size > MAX_UPLOAD_BYTES) errors.push({ path: 'size', message: `between 1 and ${MAX_UPLOAD_BYTES} bytes` });
  return errors;
}
