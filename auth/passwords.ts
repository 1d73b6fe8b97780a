// The library's own scrypt hashing, so passwords set by the CLI and Members verify at sign-in.
export { hashPassword, verifyPassword } from "better-auth/crypto";
