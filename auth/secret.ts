import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SECRET_FILE_NAME = "auth-secret";

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET when set, otherwise generated once into
 * a 0600 file beside the database (never in the repository). Several server processes may start
 * at once: the first to create the file wins (`wx`), the others read what it wrote.
 */
export function authSecret(databaseFile: string): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters");
    return fromEnv;
  }
  return secretBesideDatabase(databaseFile, SECRET_FILE_NAME);
}

/**
 * A random secret kept in a 0600 file named `fileName` beside the database, created by the first
 * process that needs it; an in-memory database gets a fresh one each time.
 */
export function secretBesideDatabase(databaseFile: string, fileName: string): string {
  if (databaseFile === ":memory:") return randomBytes(32).toString("base64url");
  const file = path.join(path.dirname(path.resolve(/*turbopackIgnore: true*/ databaseFile)), fileName);
  try {
    writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as { code?: string }).code !== "EEXIST") throw e;
  }
  // A reader can see the file between its creation and the write; wait for the content.
  for (let attempt = 0; ; attempt++) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32 || attempt >= 50) {
      if (secret.length < 32) throw new Error(`${file} does not hold a secret of at least 32 characters`);
      return secret;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}
