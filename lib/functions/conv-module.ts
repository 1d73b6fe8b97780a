/**
 * The Python side of the runtime: the `switchboard` module the worker installs before any user
 * code. It holds the `conv` object (docs/design.md §4), faithful ports of lib/sip/header-rules.ts and
 * lib/sip/route.ts (kept in step by lib/functions/rules-parity.test.ts), and `run_request` /
 * `check_syntax`, which take and return JSON strings so a warm call is one cheap round trip.
 *
 * Written with String.raw: backslashes reach Python untouched. Never write a dollar sign
 * followed by an opening brace in here.
 */
import { PY_CONV_OBJECT } from "./conv-module-conv";
import { PY_RUN } from "./conv-module-run";
import { PY_SIP_RULES } from "./conv-module-rules";

export const CONV_MODULE_NAME = "switchboard";

const PY_IMPORTS = String.raw`
import builtins
import contextlib
import io
import json
import linecache
import re
import sys
import time
import traceback

FILENAME = "<function>"

`;

/** The whole module, in the order Python needs it: imports, SIP rules, conv, the entry points. */
export const CONV_MODULE_SOURCE = `\n${[PY_IMPORTS, PY_SIP_RULES, PY_CONV_OBJECT, PY_RUN].map((s) => s.slice(1, -1)).join("\n")}\n`;
