import type * as z from 'zod/mini';
import { badRequest } from './problem.ts';

/** Parses a request body with its schema; a mismatch is 400 with one error per field. */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) throw badRequest('a JSON request body is required');
  const res = schema.safeParse(body);
  if (!res.success) {
    throw badRequest(
      'the request body does not match the schema',
      res.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
    );
  }
  return res.data as z.infer<S>;
}

/** An optional query parameter that takes one of a few values; anything else is a 400 naming it and them. */
export function queryChoice<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw badRequest(`${name} is ${allowed.join(' or ')}`, [{ path: name, message: `one of ${allowed.join(', ')}` }]);
  return value as T;
}

/**
 * The Idempotency-Key header (API.md: a write that creates something takes one; the same key is the
 * same result), at most 200 characters. Required unless the route reads it only when sent.
 */
export function idempotencyKey(headers: Record<string, string>): string;
export function idempotencyKey(headers: Record<string, string>, optional: 'optional'): string | undefined;
export function idempotencyKey(headers: Record<string, string>, optional?: 'optional'): string | undefined {
  const key = headers['idempotency-key'];
  if (optional && key === undefined) return undefined;
  if (!key || key.length > 200) {
    throw optional
      ? badRequest('the Idempotency-Key header is at most 200 characters', [{ path: 'Idempotency-Key', message: '1..200 characters' }])
      : badRequest('the Idempotency-Key header is required (at most 200 characters)', [{ path: 'Idempotency-Key', message: 'required' }]);
  }
  return key;
}
