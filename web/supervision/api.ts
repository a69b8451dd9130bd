/**
 * The page's calls to the public API, same origin (locally the runtime serves both; on AWS CloudFront
 * sends /v1/* to the API). A refusal is an ApiError carrying the problem+json the API answered.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string } = {},
  ) {
    super(problem.detail ?? problem.title ?? `the API answered ${status}`);
  }
}

export function client(token: string) {
  return async function get<T>(path: string): Promise<T> {
    const r = await fetch(path, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const text = await r.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { detail: text.slice(0, 200) };
    }
    if (!r.ok) throw new ApiError(r.status, body as ApiError['problem']);
    return body as T;
  };
}
export type Get = ReturnType<typeof client>;
