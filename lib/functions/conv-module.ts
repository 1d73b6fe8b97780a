/**
 * The Python side of the runtime: the `switchboard` module the worker installs before any user
 * code. It holds the `conv` object (DESIGN §4), faithful ports of lib/sip/header-rules.ts and
 * lib/sip/route.ts (kept in step by lib/functions/rules-parity.test.ts), and `run_request` /
 * `check_syntax`, which take and return JSON strings so a warm call is one cheap round trip.
 *
 * Written with String.raw: backslashes reach Python untouched. Never write a dollar sign
 * followed by an opening brace in here.
 */
export const CONV_MODULE_NAME = "switchboard";

export const CONV_MODULE_SOURCE = String.raw`
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

# ---------------------------------------------------------------------------------------------
# SIP rules, ported from lib/sip/header-rules.ts and lib/sip/route.ts. JavaScript semantics are
# kept on purpose: \Z instead of $ (Python's $ also matches before a final newline), explicit
# ASCII digit classes, JavaScript's whitespace set for trim() and \s, UTF-16 lengths.

_JS_WS = "\t\n\x0b\x0c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_WS_CLASS = r"\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def _trim(s):
    return s.strip(_JS_WS)


def _utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


_TOKEN = re.compile(r"^[A-Za-z0-9\-.!%*_+\x60'~]+\Z")
_RESERVED = {
    "via": "Via", "v": "Via",
    "from": "From", "f": "From",
    "to": "To", "t": "To",
    "call-id": "Call-ID", "i": "Call-ID",
    "cseq": "CSeq",
    "contact": "Contact", "m": "Contact",
    "max-forwards": "Max-Forwards",
    "content-length": "Content-Length", "l": "Content-Length",
    "route": "Route",
    "record-route": "Record-Route",
}
_WELL_KNOWN_NON_X = {"user-to-user", "p-asserted-identity"}
_CONTROL = re.compile(r"[\x00-\x08\x0A-\x1F\x7F-\x9F]")
MAX_HEADER_VALUE_LENGTH = 1024
MAX_HEADERS = 20


def is_token(name):
    return _TOKEN.match(name) is not None


def reserved_header(name):
    return _RESERVED.get(name.lower())


def has_control_chars(value):
    return _CONTROL.search(value) is not None


def _describe_control(ch):
    if ch == "\r":
        return "CR"
    if ch == "\n":
        return "LF"
    if ch == "\x00":
        return "NUL"
    return "U+%04X" % ord(ch)


def header_name_error(name):
    if _trim(name) == "":
        return "Enter a header name"
    if not is_token(name):
        bad = next((c for c in name if not is_token(c)), None)
        if bad == " ":
            shown = "a space"
        elif bad is None:
            shown = ""
        elif has_control_chars(bad):
            shown = _describe_control(bad)
        else:
            shown = '"' + bad + '"'
        return "Header names are SIP tokens (letters, digits and - . ! % * _ + \x60 ' ~); this one contains " + shown
    reserved = reserved_header(name)
    if reserved:
        return reserved + " is managed by the SIP dialog and cannot be set here"
    return None


def header_name_warning(name):
    if header_name_error(name) is not None:
        return None
    if re.match(r"^x-", name, re.I) or name.lower() in _WELL_KNOWN_NON_X:
        return None
    return 'Custom headers usually start with "X-"; proxies may drop or act on "' + name + '"'


def header_value_error(value):
    if _trim(value) == "":
        return "Enter a header value"
    m = _CONTROL.search(value)
    if m:
        return "Header values cannot contain control characters (found " + _describe_control(m.group(0)) + "): they could start a new header line"
    if _utf16_len(value) > MAX_HEADER_VALUE_LENGTH:
        return "Header values are limited to %d characters" % MAX_HEADER_VALUE_LENGTH
    return None


def sanitize_runtime_value(value):
    cleaned, removed = _CONTROL.subn("", value)
    return cleaned, removed


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_SIP_URI = re.compile(
    r"^sips?:(?:[^" + _JS_WS_CLASS + r"@<>\"]+@)?(?:" + _LABEL + r"(?:\." + _LABEL + r")*|\[[0-9A-Fa-f:.]+\])"
    r"(?::[0-9]{1,5})?(?:;[^" + _JS_WS_CLASS + r"<>\"?]*)?(?:\?[^" + _JS_WS_CLASS + r"<>\"]*)?\Z"
)
_E164 = re.compile(r"^\+[1-9][0-9]{1,14}\Z")
_TEL_URI = re.compile(r"^tel:(\+[1-9][0-9]{1,14})(?:;[^" + _JS_WS_CLASS + r"<>\"]*)?\Z", re.I)
_EXTENSION = re.compile(r"^[0-9]{1,8}\Z")
ROUTE_EXAMPLES = "sip:2001@pbx.example.com, tel:+14155550123, +14155550123 or 2001"


def classify_route(route):
    r = _trim(route)
    if re.match(r"^sips?:", r, re.I):
        return {"kind": "sip", "value": r} if _SIP_URI.match(r) else None
    tel = _TEL_URI.match(r)
    if tel:
        return {"kind": "tel", "value": tel.group(1)}
    if re.match(r"^tel:", r, re.I):
        return None
    if _E164.match(r):
        return {"kind": "e164", "value": r}
    if _EXTENSION.match(r):
        return {"kind": "extension", "value": r}
    return None


def route_error(route):
    r = _trim(route)
    if r == "":
        return "Enter a route"
    if classify_route(r):
        return None
    if re.match(r"^sips?:", r, re.I):
        return "Not a valid SIP URI: expected sip:user@host (e.g. sip:2001@pbx.example.com)"
    if re.match(r"^tel:", r, re.I):
        return "tel: routes need an E.164 number, e.g. tel:+14155550123"
    if r.startswith("+"):
        return "E.164 numbers are + followed by 2 to 15 digits, the first not 0"
    if re.match(r"^[0-9]+\Z", r):
        return "Extensions are 1 to 8 digits; write longer numbers in E.164 form (+14155550123)"
    return "Enter a SIP URI, tel: URI, E.164 number or extension (" + ROUTE_EXAMPLES + ")"


REASON_CODE = re.compile(r"^[a-z][a-z0-9_]{0,63}\Z")
METRIC_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]{0,63}\Z")
_VARIABLE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

# ---------------------------------------------------------------------------------------------
# The conv object.


class HandoffError(RuntimeError):
    pass


def _jsonable(value):
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError):
        if isinstance(value, dict):
            return {str(k): _jsonable(v) for k, v in value.items()}
        if isinstance(value, (list, tuple, set)):
            return [_jsonable(v) for v in value]
        return repr(value)


class Log:
    def __init__(self, sink):
        self._sink = sink

    def _add(self, level, msg, fields):
        self._sink.append({"level": level, "message": str(msg), "fields": {k: _jsonable(v) for k, v in fields.items()}})

    def info(self, msg, **fields):
        self._add("info", msg, fields)

    def warning(self, msg, **fields):
        self._add("warning", msg, fields)

    def error(self, msg, **fields):
        self._add("error", msg, fields)


def _header_items(sip_headers, where):
    if sip_headers is None:
        return []
    if isinstance(sip_headers, dict):
        items = list(sip_headers.items())
    elif isinstance(sip_headers, (list, tuple)):
        items = []
        for h in sip_headers:
            if isinstance(h, dict) and "name" in h and "value" in h:
                items.append((h["name"], h["value"]))
            elif isinstance(h, (list, tuple)) and len(h) == 2:
                items.append((h[0], h[1]))
            else:
                raise ValueError(where + ": each header is a (name, value) pair or {'name': ..., 'value': ...}")
    else:
        raise ValueError(where + ": sip_headers must be a dict of {name: value}, got " + type(sip_headers).__name__)
    out = []
    seen = {}
    for name, value in items:
        if not isinstance(name, str):
            raise ValueError(where + ": header names are strings, got " + repr(name))
        if value is None or isinstance(value, (dict, list, tuple, set)):
            raise ValueError(where + ": header " + name + " needs a text value, got " + repr(value))
        value = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
        name = _trim(name)
        err = header_name_error(name)
        if err:
            raise ValueError(where + ": header " + repr(name) + ": " + err)
        err = header_value_error(value)
        if err:
            raise ValueError(where + ": header " + name + ": " + err)
        key = name.lower()
        if key in seen:
            raise ValueError(where + ": header " + name + " is set twice (names ignore case)")
        seen[key] = True
        out.append({"name": name, "value": value})
    if len(out) > MAX_HEADERS:
        raise ValueError(where + ": at most %d headers" % MAX_HEADERS)
    return out


def _merge_headers(base, over):
    """Headers in over win over base (names compared ignoring case); base order is kept."""
    over_keys = {h["name"].lower(): h for h in over}
    merged = []
    for h in base:
        merged.append(over_keys.pop(h["name"].lower(), h))
    merged.extend(h for h in over if h["name"].lower() in over_keys)
    return merged


def _check_reason(reason, where):
    if reason is None or reason == "":
        return None
    if not isinstance(reason, str) or not REASON_CODE.match(reason):
        raise ValueError(where + ": reason " + repr(reason) + " is not a reason code: lower case letters, digits and _, starting with a letter, at most 64 characters (e.g. needs_human, billing)")
    return reason


def _check_text(value, name, where):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(where + ": " + name + " must be a string, got " + type(value).__name__)
    return value


class Conv:
    def __init__(self, request):
        call = request.get("call") or {}
        self.id = call.get("conversationId", "")
        self.caller_number = call.get("callerNumber", "")
        self.callee_number = call.get("calleeNumber", "")
        self.sip_headers = dict(call.get("sipHeaders") or {})
        self.state = dict(request.get("state") or {})
        self._call_sid = call.get("callSid", "")
        self._destinations = list(request.get("destinations") or [])
        self.handoffs = {
            d["name"]: {
                "name": d["name"],
                "description": d.get("description", ""),
                "method": d["method"],
                "route": d.get("route"),
                "sip_headers": {h["name"]: h["value"] for h in d.get("sipHeaders", [])},
                "refer_header_placement": d.get("referHeaderPlacement", "request"),
                "is_default": bool(d.get("isDefault")),
            }
            for d in self._destinations
        }
        self._says = []
        self._metrics = []
        self._logs = []
        self._handoff = None
        self.log = Log(self._logs)

    def __repr__(self):
        return "<conv " + self.id + " caller=" + self.caller_number + ">"

    def say(self, text):
        self._says.append(str(text))

    def write_metric(self, name, value):
        if not isinstance(name, str) or not METRIC_NAME.match(name):
            raise ValueError("write_metric: name " + repr(name) + " must start with a letter or _ and use letters, digits, _ . : - (at most 64 characters)")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("write_metric: value for " + name + " must be a number, got " + repr(value))
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("write_metric: value for " + name + " must be a finite number")
        self._metrics.append({"name": name, "value": value})

    def _set_handoff(self, record, where):
        if self._handoff is not None:
            previous = self._handoff["destination"] or self._handoff["route"]
            raise HandoffError(where + ": the call was already handed off in this run (to " + str(previous) + "); a function hands off at most once")
        self._handoff = record

    def _find_destination(self, destination, where):
        if not self._destinations:
            raise ValueError(where + ": this agent has no handoff destinations; add one in Call Handoffs, or use conv.transfer_call(route)")
        if destination is None:
            found = next((d for d in self._destinations if d.get("isDefault")), None) or self._destinations[0]
            return found
        if not isinstance(destination, str):
            raise ValueError(where + ": destination is a destination's name, got " + repr(destination))
        key = _trim(destination).lower()
        found = next((d for d in self._destinations if _trim(d["name"]).lower() == key), None)
        if found is None:
            names = ", ".join(repr(d["name"]) for d in self._destinations)
            raise ValueError(where + ": no destination named " + repr(destination) + "; this agent has " + names)
        return found

    def _variables(self):
        values = {k: ("" if v is None else v if isinstance(v, str) else json.dumps(v) if isinstance(v, (dict, list)) else str(v).lower() if isinstance(v, bool) else str(v)) for k, v in self.state.items()}
        values.update({"caller_id": self.caller_number, "called_number": self.callee_number, "conversation_id": self.id, "call_sid": self._call_sid})
        return values

    def _resolve_destination_headers(self, dest):
        values = self._variables()
        out = []
        for h in dest.get("sipHeaders", []):
            unknown = []

            def sub(m):
                name = m.group(1)
                if name in values:
                    return values[name]
                if name not in unknown:
                    unknown.append(name)
                return ""

            value = _VARIABLE.sub(sub, h["value"])
            value, removed = sanitize_runtime_value(value)
            if unknown:
                self.log.warning("Unknown variable in header " + h["name"] + ": " + ", ".join("$" + u for u in unknown) + " (left empty)", source="switchboard")
            if removed:
                self.log.warning("Removed %d control character(s) from header %s" % (removed, h["name"]), source="switchboard")
            out.append({"name": h["name"], "value": value})
        return out

    def handoff(self, destination=None, reason=None, utterance=None, sip_headers=None, route=None):
        return self._handoff_to("conv.handoff", destination, reason, utterance, sip_headers, route)

    def call_handoff(self, destination=None, reason=None, utterance=None, sip_headers=None, route=None):
        return self._handoff_to("conv.call_handoff", destination, reason, utterance, sip_headers, route)

    def _handoff_to(self, where, destination, reason, utterance, sip_headers, route):
        dest = self._find_destination(destination, where)
        reason = _check_reason(reason, where)
        utterance = _check_text(utterance, "utterance", where)
        extra = _header_items(sip_headers, where)
        final_route = dest.get("route")
        if route is not None:
            if dest["method"] == "bye":
                raise ValueError(where + ": " + dest["name"] + " hands the call back with SIP BYE and takes no route")
            if not isinstance(route, str):
                raise ValueError(where + ": route must be a string, got " + type(route).__name__)
            err = route_error(route)
            if err:
                raise ValueError(where + ": route " + repr(route) + ": " + err)
            final_route = _trim(route)
        self._set_handoff({
            "source": "function",
            "destination": dest["name"],
            "method": dest["method"],
            "route": final_route,
            "sipHeaders": _merge_headers(self._resolve_destination_headers(dest), extra),
            "referHeaderPlacement": dest.get("referHeaderPlacement", "request"),
            "reason": reason or dest["name"],
            "utterance": utterance,
            "soft": False,
            "whisper": None,
        }, where)

    def transfer_call(self, route, method="refer", sip_headers=None, reason=None, utterance=None, soft=False, whisper=None):
        where = "conv.transfer_call"
        if not isinstance(route, str):
            raise ValueError(where + ": route must be a string such as 'sip:2001@pbx.example.com', got " + repr(route))
        err = route_error(route)
        if err:
            raise ValueError(where + ": route " + repr(route) + ": " + err)
        if method not in ("refer", "invite"):
            hint = "; to hand the call back use conv.handoff with a BYE destination" if method == "bye" else ""
            raise ValueError(where + ": method must be 'refer' or 'invite', got " + repr(method) + hint)
        if not isinstance(soft, bool):
            raise ValueError(where + ": soft must be True or False, got " + repr(soft))
        whisper = _check_text(whisper, "whisper", where)
        if whisper is not None and not soft:
            raise ValueError(where + ": whisper is only said on a soft transfer; pass soft=True")
        reason = _check_reason(reason, where)
        utterance = _check_text(utterance, "utterance", where)
        headers = _header_items(sip_headers, where)
        self._set_handoff({
            "source": "transfer_call",
            "destination": None,
            "method": method,
            "route": _trim(route),
            "sipHeaders": headers,
            "referHeaderPlacement": "request",
            "reason": reason or "transfer_call",
            "utterance": utterance,
            "soft": soft,
            "whisper": whisper,
        }, where)


# ---------------------------------------------------------------------------------------------
# Running user code.

_RETURN_KEYS = ("utterance", "hangup", "handoff")


def _user_frames(tb):
    return [f for f in traceback.extract_tb(tb) if f.filename == FILENAME]


def _error(kind, exc, code):
    frames = _user_frames(exc.__traceback__)
    line = column = end_line = end_column = None
    if isinstance(exc, SyntaxError) and (exc.filename == FILENAME or not frames):
        line = exc.lineno
        column = exc.offset
        end_line = getattr(exc, "end_lineno", None) or line
        end_column = getattr(exc, "end_offset", None) or ((column or 0) + 1)
        tb_text = "".join(traceback.format_exception_only(type(exc), exc))
    else:
        if frames:
            last = frames[-1]
            line = last.lineno
            column = (getattr(last, "colno", None) or 0) + 1
            end_line = getattr(last, "end_lineno", None) or line
            end_column = (getattr(last, "end_colno", None) or 0) + 1
            if end_column <= column:
                end_column = column + 1
        tb_text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(exc), exc))
    message = str(exc) if not isinstance(exc, SyntaxError) else (exc.msg or "invalid syntax")
    return {
        "kind": kind,
        "type": type(exc).__name__,
        "message": message,
        "traceback": tb_text,
        "line": line,
        "column": column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _apply_return(conv, value, result):
    if value is None:
        return
    if isinstance(value, str):
        result["utterance"] = value
        return
    if isinstance(value, dict):
        unknown = [k for k in value if k not in _RETURN_KEYS]
        if unknown:
            conv.log.warning("Returned dict keys " + ", ".join(repr(k) for k in unknown) + " mean nothing to the agent (it reads utterance, hangup, handoff)", source="switchboard")
        if "utterance" in value and value["utterance"] is not None:
            result["utterance"] = _check_text(value["utterance"], "utterance", "return value")
        if value.get("hangup"):
            result["hangup"] = True
        h = value.get("handoff")
        if h is True:
            conv._handoff_to("return value handoff", None, None, None, None, None)
        elif isinstance(h, str):
            conv._handoff_to("return value handoff", h, None, None, None, None)
        elif isinstance(h, dict):
            allowed = ("destination", "reason", "utterance", "sip_headers", "route")
            bad = [k for k in h if k not in allowed]
            if bad:
                raise ValueError("return value handoff: unknown keys " + ", ".join(repr(k) for k in bad) + "; use " + ", ".join(allowed))
            conv._handoff_to("return value handoff", h.get("destination"), h.get("reason"), h.get("utterance"), h.get("sip_headers"), h.get("route"))
        elif h not in (None, False):
            raise ValueError("return value handoff: give a destination name, True for the default, or a dict of conv.handoff arguments")


def run_request(request_json):
    started = time.perf_counter()
    request = json.loads(request_json)
    code = request["code"]
    name = request["functionName"]
    conv = Conv(request)
    result = {
        "ok": False,
        "returnValue": None,
        "returnRepr": None,
        "says": conv._says,
        "utterance": None,
        "hangup": False,
        "handoff": None,
        "metrics": conv._metrics,
        "logs": conv._logs,
        "state": {},
        "error": None,
        "durationMs": 0,
    }
    linecache.cache[FILENAME] = (len(code), None, code.splitlines(True), FILENAME)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                compiled = compile(code, FILENAME, "exec")
            except SyntaxError as exc:
                result["error"] = _error("syntax", exc, code)
                compiled = None
            if compiled is not None:
                namespace = {"__name__": "__function__", "__builtins__": builtins}
                try:
                    exec(compiled, namespace)
                    fn = namespace.get(name)
                    if not callable(fn):
                        defined = sorted(k for k, v in namespace.items() if callable(v) and not k.startswith("__") and getattr(v, "__module__", None) == "__function__")
                        result["error"] = {
                            "kind": "not_found", "type": "NameError",
                            "message": "Define the function this record is named after: def " + name + "(conv):" + (" (found " + ", ".join(defined) + ")" if defined else ""),
                            "traceback": "", "line": None, "column": None, "endLine": None, "endColumn": None,
                        }
                    else:
                        args = request.get("args") or {}
                        value = fn(conv, **args) if args else fn(conv)
                        result["returnValue"] = _jsonable(value)
                        result["returnRepr"] = None if value is None else repr(value)
                        _apply_return(conv, value, result)
                        result["ok"] = True
                except BaseException as exc:  # noqa: B902 - user code may raise anything, even SystemExit
                    if isinstance(exc, KeyboardInterrupt):
                        raise
                    result["error"] = _error("exception", exc, code)
    finally:
        printed = out.getvalue()
        for line in printed.splitlines():
            conv._logs.append({"level": "print", "message": line, "fields": {}})
    result["handoff"] = conv._handoff
    result["state"] = _jsonable(conv.state)
    result["durationMs"] = (time.perf_counter() - started) * 1000
    return json.dumps(result)


def check_syntax(code):
    try:
        compile(code, FILENAME, "exec")
        return "null"
    except SyntaxError as exc:
        line = exc.lineno or 1
        column = exc.offset or 1
        end_line = getattr(exc, "end_lineno", None) or line
        end_column = getattr(exc, "end_offset", None) or column + 1
        if end_line == line and end_column <= column:
            end_column = column + 1
        return json.dumps({"message": (type(exc).__name__ + ": " if not type(exc) is SyntaxError else "") + (exc.msg or "invalid syntax"), "line": line, "column": column, "endLine": end_line, "endColumn": end_column})
    except (ValueError, OverflowError) as exc:
        return json.dumps({"message": str(exc), "line": 1, "column": 1, "endLine": 1, "endColumn": 2})
`;
