/** where the lookup Lambdas find the current index (index-loader.ts reads the same key) */
export const POINTER_KEY = 'search/current.json';

export interface IndexPointer {
  key: string;
  sha256: string;
  items: number;
  bytes: number;
  builtAt: string;
  buildMs: number;
}
