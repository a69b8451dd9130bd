import { createHash } from 'node:crypto';

/**
 * SM2 signature verification (GB/T 32918.2, GM/T 0003.2) with SM3 (GB/T 32905) and the signer's user
 * ID as GM/T 0009 says (default `1234567812345678`) [E13]. Node's crypto signs and verifies SM2 only
 * with an empty user ID (nodejs/node#53761), so it rejects what a GM/T 0009 signer produces; this is the
 * verification written out over the curve of GB/T 32918.5, SM3 coming from Node (OpenSSL).
 */
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

export const SM2_DEFAULT_USER_ID = '1234567812345678';

const mod = (x: bigint, m = P) => ((x % m) + m) % m;

function inverse(x: bigint, m = P): bigint {
  let [a, b, u, v] = [mod(x, m), m, 1n, 0n];
  while (a !== 0n) {
    const q = b / a;
    [a, b] = [b - q * a, a];
    [u, v] = [v - q * u, u];
  }
  return mod(v, m);
}

/** A point in Jacobian coordinates (X/Z², Y/Z³); Z = 0 is the point at infinity. */
type Jacobian = [bigint, bigint, bigint];
const INFINITY: Jacobian = [1n, 1n, 0n];

function double([x, y, z]: Jacobian): Jacobian {
  if (z === 0n || y === 0n) return INFINITY;
  const yy = mod(y * y);
  const s = mod(4n * x * yy);
  const zz = mod(z * z);
  const m = mod(3n * x * x + A * zz * zz);
  const x3 = mod(m * m - 2n * s);
  return [x3, mod(m * (s - x3) - 8n * yy * yy), mod(2n * y * z)];
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const [x1, y1, z1] = p;
  const [x2, y2, z2] = q;
  const z1z1 = mod(z1 * z1);
  const z2z2 = mod(z2 * z2);
  const u1 = mod(x1 * z2z2);
  const u2 = mod(x2 * z1z1);
  const s1 = mod(y1 * z2 * z2z2);
  const s2 = mod(y2 * z1 * z1z1);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1);
  const r = mod(s2 - s1);
  const hh = mod(h * h);
  const hhh = mod(h * hh);
  const v = mod(u1 * hh);
  const x3 = mod(r * r - hhh - 2n * v);
  return [x3, mod(r * (v - x3) - s1 * hhh), mod(h * z1 * z2)];
}

function multiply(k: bigint, p: Jacobian): Jacobian {
  let acc = INFINITY;
  for (let i = BigInt(k.toString(2).length - 1); i >= 0n; i--) {
    acc = double(acc);
    if ((k >> i) & 1n) acc = add(acc, p);
  }
  return acc;
}

function affineX([x, , z]: Jacobian): bigint | undefined {
  if (z === 0n) return undefined;
  const zi = inverse(z);
  return mod(x * zi * zi);
}

const onCurve = (x: bigint, y: bigint) => x >= 0n && x < P && y >= 0n && y < P && mod(y * y - (x * x * x + A * x + B)) === 0n;

const bytes32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');

/** A public key as the 65-byte uncompressed point 04‖x‖y; undefined when it is not a point of the curve. */
export function sm2PublicKey(point: Uint8Array): { x: bigint; y: bigint } | undefined {
  if (point.length !== 65 || point[0] !== 4) return undefined;
  const hex = Buffer.from(point).toString('hex');
  const key = { x: BigInt(`0x${hex.slice(2, 66)}`), y: BigInt(`0x${hex.slice(66)}`) };
  return onCurve(key.x, key.y) ? key : undefined;
}

/** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A): the signer's identity, hashed in before the message. */
export function sm2Za(key: { x: bigint; y: bigint }, userId = SM2_DEFAULT_USER_ID): Buffer {
  const id = Buffer.from(userId, 'utf8');
  const entl = Buffer.from([((id.length * 8) >> 8) & 0xff, (id.length * 8) & 0xff]);
  return createHash('sm3').update(Buffer.concat([entl, id, bytes32(A), bytes32(B), bytes32(GX), bytes32(GY), bytes32(key.x), bytes32(key.y)])).digest();
}

/** The (r, s) of a DER-encoded signature (SEQUENCE of two INTEGERs), or undefined when it is not one. */
export function derSignature(der: Uint8Array): { r: bigint; s: bigint } | undefined {
  const d = Buffer.from(der);
  let i = 0;
  const length = (): number | undefined => {
    const first = d[i++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    const n = first & 0x7f;
    if (n < 1 || n > 2) return undefined;
    let len = 0;
    for (let k = 0; k < n; k++) len = (len << 8) | (d[i++] ?? 0);
    return len;
  };
  const integer = (): bigint | undefined => {
    if (d[i++] !== 0x02) return undefined;
    const len = length();
    if (!len || len > 33 || i + len > d.length) return undefined;
    const v = BigInt(`0x${d.subarray(i, i + len).toString('hex')}`);
    i += len;
    return v;
  };
  if (d[i++] !== 0x30) return undefined;
  const total = length();
  if (total === undefined || i + total !== d.length) return undefined;
  const r = integer();
  const s = integer();
  return r !== undefined && s !== undefined && i === d.length ? { r, s } : undefined;
}

/** Whether `signature` (DER) is the SM2 signature of `message` by the holder of `publicKey` (04‖x‖y) under `userId`. */
export function sm2Verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array, userId = SM2_DEFAULT_USER_ID): boolean {
  const key = sm2PublicKey(publicKey);
  const sig = derSignature(signature);
  if (!key || !sig) return false;
  const { r, s } = sig;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const e = BigInt(`0x${createHash('sm3').update(sm2Za(key, userId)).update(message).digest('hex')}`);
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const x1 = affineX(add(multiply(s, [GX, GY, 1n]), multiply(t, [key.x, key.y, 1n])));
  return x1 !== undefined && mod(e + x1, N) === r;
}
