/**
 * The Python side of the runtime: the `switchboard` module the worker installs before any user
 * code. It holds the `conv` object (docs/design.md §4), faithful ports of lib/sip/header-rules.ts
 * and lib/sip/route.ts (kept in step by lib/functions/rules-parity.test.ts), and `run_request` /
 * `check_syntax`, which take and return JSON strings so a warm call is one cheap round trip.
 *
 * The Python lives in ./python/*.py; ./python/parts.ts explains how it becomes this constant.
 */
export { CONV_MODULE_SOURCE } from "./conv-module-source.generated";

export const CONV_MODULE_NAME = "switchboard";
