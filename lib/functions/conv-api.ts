import { REASON_CODE_PATTERN } from "../handoffs/record";

/**
 * The ONE description of the `conv` API (docs/design.md §4). It generates the Python stub shown as
 * documentation, the Monaco completions / hovers / signature help, and the README table; a unit
 * test checks that the Python module the worker installs has exactly these members and parameters.
 */

export interface ConvParam {
  name: string;
  /** Python type as written in the stub (`str | None`). */
  type: string;
  /** Python default as source text; absent means required. */
  default?: string;
  /** `**fields`-style variadic keyword parameter. */
  variadicKeywords?: boolean;
  doc: string;
}

export interface ConvMember {
  name: string;
  kind: "property" | "method";
  /** For properties: the type; for methods: the return type. */
  type: string;
  params?: ConvParam[];
  doc: string;
  example?: string;
}

export const CONV_MEMBERS: readonly ConvMember[] = [
  {
    name: "id",
    kind: "property",
    type: "str",
    doc: "This conversation's id (the `$conversation_id` variable).",
    example: 'conv.log.info("start", conversation=conv.id)',
  },
  {
    name: "caller_number",
    kind: "property",
    type: "str",
    doc: "The caller's number (`$caller_id`).",
    example: 'if conv.caller_number.startswith("+44"): ...',
  },
  { name: "callee_number", kind: "property", type: "str", doc: "The number the caller dialled (`$called_number`)." },
  {
    name: "sip_headers",
    kind: "property",
    type: "dict[str, str]",
    doc: "Headers of the inbound INVITE, by name.",
    example: 'conv.sip_headers.get("X-Campaign")',
  },
  {
    name: "state",
    kind: "property",
    type: "dict[str, Any]",
    doc: 'The conversation\'s variables (dict-like). `conv.state.tier`, `conv.state["tier"]` and `conv.state.get("tier")` read the same value (a missing one reads as None by attribute); assigning `conv.state.tier = "gold"` sets it. Changes are kept for the rest of the call.',
    example: 'if conv.state.tier == "gold": ...',
  },
  {
    name: "integration_attributes",
    kind: "property",
    type: "dict[str, Any]",
    doc: "Typed values the host gives the call: `channel` (`simulator`, `cli`, `twilio`, `scenario`) and, on live calls, Twilio's `call_sid`, `account_sid`, `direction` and the caller's `from_city` / `from_state` / `from_country` when Twilio knows them.",
    example: 'if conv.integration_attributes.get("channel") == "twilio": ...',
  },
  {
    name: "functions",
    kind: "property",
    type: "Functions",
    doc: 'The agent\'s other functions: `conv.functions.lookup_account("abc123")` calls `lookup_account(conv, "abc123")` inside this run, so the whole chain shares the one time limit. An unknown name raises AttributeError naming the agent\'s functions.',
    example: "balance = conv.functions.lookup_balance(conv.state.customer_id)",
  },
  {
    name: "handoffs",
    kind: "property",
    type: "dict[str, dict]",
    doc: "The agent's handoff destinations by name: `{name: {method, route, sip_headers, is_default, …}}`.",
    example: 'conv.handoffs["Billing Support"]["route"]',
  },
  {
    name: "last_transfer",
    kind: "property",
    type: "dict[str, Any] | None",
    doc: "The call's last transfer when it failed: `{destination, method, outcome, sip_status, attempts}` (`outcome` is `busy`, `no_answer`, `declined`, `unreachable` or `failed`; `sip_status` the final status or None; `attempts` one `{outcome, sip_status}` per try); None when no transfer has failed.",
    example: 'if conv.last_transfer and conv.last_transfer["outcome"] == "busy": ...',
  },
  {
    name: "now",
    kind: "method",
    type: "datetime",
    params: [],
    doc: "The current time as a timezone-aware UTC `datetime`. In a scenario with a test clock (`simulated_at`) or `simulate --at`, that moment plus the call's simulated time so far; everywhere else (the simulator, live calls) the real clock. Read the time here rather than from `datetime.now()` so scenarios can test opening hours.",
    example: "if conv.now().hour >= 17: ...",
  },
  {
    name: "say",
    kind: "method",
    type: "None",
    params: [{ name: "text", type: "str", doc: "What the agent says next." }],
    doc: "Makes the agent say `text` (after anything said before).",
    example: 'conv.say("One moment please.")',
  },
  {
    name: "handoff",
    kind: "method",
    type: "None",
    params: [
      {
        name: "destination",
        type: "str | None",
        default: "None",
        doc: "A configured destination's name (any case); the default destination when None.",
      },
      {
        name: "reason",
        type: "str | None",
        default: "None",
        doc: `Reason code \`${REASON_CODE_PATTERN.source}\` (e.g. \`billing\`); the destination's name when None.`,
      },
      { name: "utterance", type: "str | None", default: "None", doc: "What the agent says before handing off." },
      {
        name: "sip_headers",
        type: "dict[str, str] | None",
        default: "None",
        doc: "Headers merged over the destination's (these win).",
      },
      {
        name: "route",
        type: "str | None",
        default: "None",
        doc: "Overrides the destination's route (not for BYE destinations).",
      },
    ],
    doc: "Hands the call to a configured destination (Call Handoffs) with its method, route and headers.",
    example: 'conv.handoff(destination="Billing Support", reason="billing", utterance="Connecting you to billing.")',
  },
  {
    name: "call_handoff",
    kind: "method",
    type: "None",
    params: [
      {
        name: "destination",
        type: "str | None",
        default: "None",
        doc: "A configured destination's name (any case); the default destination when None.",
      },
      { name: "reason", type: "str | None", default: "None", doc: "Reason code; the destination's name when None." },
      { name: "utterance", type: "str | None", default: "None", doc: "What the agent says before handing off." },
      {
        name: "sip_headers",
        type: "dict[str, str] | None",
        default: "None",
        doc: "Headers merged over the destination's (these win).",
      },
      { name: "route", type: "str | None", default: "None", doc: "Overrides the destination's route." },
    ],
    doc: "Same as `conv.handoff`.",
  },
  {
    name: "transfer_call",
    kind: "method",
    type: "None",
    params: [
      {
        name: "route",
        type: "str",
        doc: "`sip:`/`sips:` URI, `tel:+E164`, a bare E.164 number or a 1–8 digit extension; build one from caller data with `conv.sip_uri`.",
      },
      {
        name: "method",
        type: "str",
        default: '"refer"',
        doc: '`"refer"` (blind transfer) or `"invite"` (the agent bridges the call).',
      },
      {
        name: "sip_headers",
        type: "dict[str, str] | None",
        default: "None",
        doc: "Headers computed at run time; same rules as the Call Handoffs form.",
      },
      {
        name: "reason",
        type: "str | None",
        default: "None",
        doc: `Reason code \`${REASON_CODE_PATTERN.source}\`; \`transfer_call\` when None.`,
      },
      { name: "utterance", type: "str | None", default: "None", doc: "What the agent says before transferring." },
      {
        name: "soft",
        type: "bool",
        default: "False",
        doc: "Warm transfer: the agent calls the destination first, says `whisper`, then completes the transfer.",
      },
      {
        name: "whisper",
        type: "str | None",
        default: "None",
        doc: "Said to the human who answers a soft transfer (needs soft=True).",
      },
    ],
    doc: "Code-based transfer to any route with headers computed at run time. Raises ValueError when the route, method or a header breaks the SIP rules.",
    example: 'conv.transfer_call("sip:vip@pbx.acme.example", sip_headers={"X-Tier": "gold"})',
  },
  {
    name: "sip_uri",
    kind: "method",
    type: "str",
    params: [
      {
        name: "user",
        type: "str | None",
        doc: "The user part (an extension, a number, caller data): percent-escaped for you; None for none.",
      },
      { name: "host", type: "str", doc: "Host name or IP address, optionally with `:port`." },
      {
        name: "headers",
        type: "dict[str, str] | None",
        default: "None",
        doc: "Headers for the URI's `?` part (the SBC sends them on): the Call Handoffs form's name rules, values escaped.",
      },
    ],
    doc: "Builds a `sip:` route from caller data safely, for `transfer_call` or `handoff(route=…)`: never concatenate caller data into a route yourself. Raises ValueError on control characters, a bad host or a reserved header name.",
    example:
      'conv.transfer_call(conv.sip_uri(conv.state["extension"], "pbx.acme.example", headers={"X-Ticket": ticket}))',
  },
  {
    name: "write_metric",
    kind: "method",
    type: "None",
    params: [
      { name: "name", type: "str", doc: "Metric name: letters, digits, `_ . : -`, at most 64 characters." },
      {
        name: "value",
        type: "int | float | str | bool | None",
        default: "None",
        doc: "A number, a text (at most 1000 characters) or True/False; None records True (the event happened).",
      },
      {
        name: "write_once",
        type: "bool",
        default: "False",
        doc: "True: kept only the first time the call writes this name (by any function); later writes are skipped.",
      },
    ],
    doc: "Records a custom metric on the conversation (shown in the simulator and Review).",
    example: 'conv.write_metric("vip_transfers", 1)\nconv.write_metric("reached_billing", write_once=True)',
  },
  {
    name: "goto_flow",
    kind: "method",
    type: "None",
    params: [{ name: "name", type: "str", doc: "A flow of this agent (any case)." }],
    doc: "After this function, the call goes to that flow's start node; `conv.exit_flow()` there comes back to the node after the one that left. Raises ValueError for an unknown flow; a function either hands off or changes flow, once.",
    example: 'conv.goto_flow("Billing")',
  },
  {
    name: "exit_flow",
    kind: "method",
    type: "None",
    params: [],
    doc: "After this function, the call leaves the current flow and goes on where it entered it (the next node after that Go to flow node or function). In the call's first flow there is nowhere to return: logged, and the flow goes on.",
    example: "conv.exit_flow()",
  },
  {
    name: "log",
    kind: "property",
    type: "Log",
    doc: "Structured logs: `conv.log.info(msg, **fields)`, `.warning(…)`, `.error(…)`.",
    example: 'conv.log.info("routing", tier=tier)',
  },
];

const logParams: ConvParam[] = [
  { name: "msg", type: "str", doc: "The message." },
  { name: "fields", type: "Any", variadicKeywords: true, doc: "Structured fields shown next to the message." },
];

export const LOG_MEMBERS: readonly ConvMember[] = (["info", "warning", "error"] as const).map((level) => ({
  name: level,
  kind: "method" as const,
  type: "None",
  params: logParams,
  doc: `Logs a message at ${level} level, with optional structured fields.`,
  example: `conv.log.${level}("looked up customer", customer_id=conv.state.get("customer_id"))`,
}));

function paramSource(p: ConvParam): string {
  if (p.variadicKeywords) return `**${p.name}: ${p.type}`;
  return `${p.name}: ${p.type}${p.default !== undefined ? ` = ${p.default}` : ""}`;
}

/** `conv.transfer_call(route: str, method: str = "refer", …) -> None`, or `conv.id: str`. */
export function memberSignature(m: ConvMember, owner = "conv"): string {
  if (m.kind === "property") return `${owner}.${m.name}: ${m.type}`;
  return `${owner}.${m.name}(${(m.params ?? []).map(paramSource).join(", ")}) -> ${m.type}`;
}

/** Markdown documentation for one member (Monaco hover and completion detail). */
export function memberMarkdown(m: ConvMember, owner = "conv"): string {
  const lines = ["```python", memberSignature(m, owner), "```", "", m.doc];
  if (m.params?.length) {
    lines.push("");
    for (const p of m.params) lines.push(`- \`${p.variadicKeywords ? "**" : ""}${p.name}\`: ${p.doc}`);
  }
  if (m.example) lines.push("", "```python", m.example, "```");
  return lines.join("\n");
}

export function findMember(path: string): { member: ConvMember; owner: string } | null {
  const [head, second, third] = path.split(".");
  if (head !== "conv" || !second) return null;
  if (second === "log" && third) {
    const member = LOG_MEMBERS.find((m) => m.name === third);
    return member ? { member, owner: "conv.log" } : null;
  }
  const member = CONV_MEMBERS.find((m) => m.name === second);
  return member && !third ? { member, owner: "conv" } : null;
}

function docstring(text: string, indent: string): string {
  return `${indent}"""${text.replace(/`/g, "")}"""`;
}

function stubMember(m: ConvMember, indent: string): string[] {
  if (m.kind === "property") return [`${indent}${m.name}: ${m.type}`, docstring(m.doc, indent)];
  const params = ["self", ...(m.params ?? []).map(paramSource)].join(", ");
  const out = [`${indent}def ${m.name}(${params}) -> ${m.type}:`, docstring(m.doc, `${indent}    `)];
  return out;
}

/** The Python stub (`conv.pyi`) generated from the description, shown as documentation. */
export function convStubSource(): string {
  const lines = ["from datetime import datetime", "from typing import Any", "", "class Log:"];
  for (const m of LOG_MEMBERS) lines.push(...stubMember(m, "    "), "");
  lines.push(
    "class Functions:",
    '    """The agent\'s functions by name: conv.functions.other(...) calls other(conv, ...)."""',
    "    def __getattr__(self, name: str) -> Any: ...",
    "",
    "class Conv:",
  );
  for (const m of CONV_MEMBERS) lines.push(...stubMember(m, "    "), "");
  return lines.join("\n");
}

/** The README's conv API table. */
export function convApiMarkdownTable(): string {
  const rows: { member: ConvMember; owner: string }[] = [
    ...CONV_MEMBERS.filter((m) => m.name !== "log").map((member) => ({ member, owner: "conv" })),
    ...LOG_MEMBERS.map((member) => ({ member, owner: "conv.log" })),
  ];
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  return [
    "| member | description |",
    "|---|---|",
    ...rows.map(({ member, owner }) => `| \`${cell(memberSignature(member, owner))}\` | ${cell(member.doc)} |`),
  ].join("\n");
}
