import "server-only";
import { databaseFile } from "../db/client";
import { getDb } from "../db/server";
import { createAuth, type Auth } from "./better-auth";
import { authSecret } from "./secret";

// One better-auth instance per server process, on the process's one connection.
const holder = globalThis as unknown as { __switchboardAuth?: Auth };

export function getAuth(): Auth {
  holder.__switchboardAuth ??= createAuth(getDb(), authSecret(databaseFile()));
  return holder.__switchboardAuth;
}
