import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { Signer } from '../../domain/ports.ts';

/**
 * Signs e-licences and archive packages [E15] [E17] [E24] with ECDSA P-256 / SHA-256. On AWS the private key
 * never leaves KMS (`LICENCE_KEY_ID`); the local runtime has no KMS and hands a PEM key in
 * `LICENCE_SIGNING_KEY_PEM` instead. Both give the same DER signature, verified the same way.
 */
let kms: KMSClient | undefined;
let publicKey: KeyObject | undefined;

const localKey = () => {
  const pem = process.env.LICENCE_SIGNING_KEY_PEM;
  return pem ? createPrivateKey(Buffer.from(pem, 'base64').toString('utf8')) : undefined;
};

async function signDigest(data: string): Promise<{ signature: string; keyId: string }> {
  const keyId = process.env.LICENCE_KEY_ID;
  if (keyId) {
    kms ??= new KMSClient({});
    const digest = createHash('sha256').update(data).digest();
    const res = await kms.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
    return { signature: Buffer.from(res.Signature!).toString('base64'), keyId };
  }
  const key = localKey();
  if (!key) throw new Error('no signing key: set LICENCE_KEY_ID (KMS) or LICENCE_SIGNING_KEY_PEM (local)');
  // counted where the local runtime's cost meter reads it (local/meter.ts): a KMS Sign request on AWS
  ((globalThis as { __zwfwLocalSignatures?: { count: number } }).__zwfwLocalSignatures ??= { count: 0 }).count++;
  return { signature: sign('sha256', Buffer.from(data), key).toString('base64'), keyId: 'local' };
}

async function verifier(): Promise<KeyObject> {
  if (publicKey) return publicKey;
  const keyId = process.env.LICENCE_KEY_ID;
  if (keyId) {
    kms ??= new KMSClient({});
    const res = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    publicKey = createPublicKey({ key: Buffer.from(res.PublicKey!), format: 'der', type: 'spki' });
  } else {
    const key = localKey();
    if (!key) throw new Error('no signing key configured');
    publicKey = createPublicKey(key);
  }
  return publicKey;
}

async function verifySignature(data: string, signature: string): Promise<boolean> {
  return verify('sha256', Buffer.from(data), await verifier(), Buffer.from(signature, 'base64'));
}

async function publicKeyPem(): Promise<string> {
  return (await verifier()).export({ type: 'spki', format: 'pem' }).toString();
}

export const signer: Signer = { sign: signDigest, verify: verifySignature, publicKey: publicKeyPem };
