import { base64, fromBase64 } from "./crypto";

/**
 * AES-GCM for secret variables. The key is SECRETS_KEY (32 bytes, base64); any other string
 * is stretched with SHA-256 so a passphrase also works. Each value is bound to its slot
 * (app, profile, name) as additional data, so a ciphertext copied elsewhere does not decrypt.
 */
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = (async () => {
      let raw: Uint8Array;
      try {
        raw = fromBase64(secret);
      } catch {
        raw = new Uint8Array(0);
      }
      if (raw.length !== 32) raw = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
      return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    })();
    keys.set(secret, key);
  }
  return key;
}

export async function seal(secret: string, plaintext: string, slot: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(slot) },
      await keyFor(secret),
      new TextEncoder().encode(plaintext),
    ),
  );
  const out = new Uint8Array(iv.length + data.length);
  out.set(iv);
  out.set(data, iv.length);
  return base64(out);
}

export async function open(secret: string, sealed: string, slot: string): Promise<string> {
  const bytes = fromBase64(sealed);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(slot) },
    await keyFor(secret),
    bytes.slice(12),
  );
  return new TextDecoder().decode(plain);
}
