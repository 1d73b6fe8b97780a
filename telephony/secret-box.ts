import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { secretBesideDatabase } from "../auth/secret";

/**
 * AES-256-GCM for the Twilio auth token (docs/design.md §14). The key comes from
 * SWITCHBOARD_SECRET_KEY or from a 0600 `telephony-key` file beside the database, created once.
 * A sealed value is `v1.<iv>.<tag>.<ciphertext>` in base64url; the tag makes a wrong key or a
 * tampered value fail loudly instead of decrypting to garbage.
 */
export const TELEPHONY_KEY_FILE = "telephony-key";

// Every Twilio webhook needs the key: reading the file and hashing it once per process and source
// keeps that off each request (it was a third of a webhook turn's own time).
const keys = new Map<string, Buffer>();

export function telephonyKey(databaseFile: string): Buffer {
  const fromEnv = process.env.SWITCHBOARD_SECRET_KEY;
  if (fromEnv !== undefined && fromEnv !== "" && fromEnv.length < 32)
    throw new Error("SWITCHBOARD_SECRET_KEY must be at least 32 characters");
  const source = fromEnv ? `env\0${fromEnv}` : `file\0${databaseFile}`;
  const known = keys.get(source);
  if (known) return known;
  const secret = fromEnv || secretBesideDatabase(databaseFile, TELEPHONY_KEY_FILE);
  // Any secret of 32+ characters, hashed to the 32 bytes AES-256 takes.
  const key = createHash("sha256").update(`switchboard telephony:${secret}`).digest();
  keys.set(source, key);
  return key;
}

export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function unseal(sealed: string, key: Buffer): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("The stored Auth Token is not readable");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "The stored Auth Token cannot be decrypted: the key changed (SWITCHBOARD_SECRET_KEY or the telephony-key file). Connect Twilio again.",
    );
  }
}
