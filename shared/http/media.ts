/**
 * The first media type an Accept header names, lower-cased and without parameters: what API Gateway
 * matches against an API's binary media types, and what a document route asks for (shared/http/api.ts).
 */
export const firstMediaType = (accept: string | undefined) => (accept ?? '').split(',')[0].split(';')[0].trim().toLowerCase();
