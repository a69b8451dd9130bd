/** A setting the deployment gives a function in its environment; missing is a deployment fault, said plainly. */
export function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

/** A numeric setting with its default. */
export function numberEnv(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`environment variable ${name} is not a number: ${v}`);
  return n;
}
