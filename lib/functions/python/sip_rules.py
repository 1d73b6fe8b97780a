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
_ENGINE_WRITTEN = {
    "x-handoff-reason": "X-Handoff-Reason",
    "content-type": "Content-Type", "c": "Content-Type",
    "refer-to": "Refer-To", "r": "Refer-To",
    "referred-by": "Referred-By", "b": "Referred-By",
    "replaces": "Replaces",
    "event": "Event", "o": "Event",
    "subscription-state": "Subscription-State",
    "reason": "Reason",
    "allow": "Allow",
    "supported": "Supported", "k": "Supported",
}
_WELL_KNOWN_NON_X = {"user-to-user", "p-asserted-identity"}
_CONTROL = re.compile(r"[\x00-\x08\x0A-\x1F\x7F-\x9F\u2028\u2029]")
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


def header_name_error(name, in_uri=False):
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
    written = None if in_uri else _ENGINE_WRITTEN.get(name.lower())
    if written:
        return written + " is written by the handoff itself and cannot be set here"
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
_HOST = r"(?:" + _LABEL + r"(?:\." + _LABEL + r")*|\[[0-9A-Fa-f:.]+\])"
_SIP_URI_BASE = re.compile(
    r"^sips?:(?:([^" + _JS_WS_CLASS + r"@<>\"?]+)@)?" + _HOST + r"(?::[0-9]{1,5})?((?:;[^" + _JS_WS_CLASS + r"<>\"?]*)?)\Z"
)
_E164 = re.compile(r"^\+[1-9][0-9]{1,14}\Z")
_TEL_URI = re.compile(r"^tel:(\+[1-9][0-9]{1,14})(?:;[^" + _JS_WS_CLASS + r"<>\"]*)?\Z", re.I)
_EXTENSION = re.compile(r"^[0-9]{1,8}\Z")
_ROUTE_CONTROL = re.compile(r"[\x00-\x1F\x7F-\x9F\u2028\u2029]")
_ESCAPED_CONTROL = re.compile(r"%(?:[01][0-9A-Fa-f]|7[Ff])|%[Cc]2%[89][0-9A-Fa-f]|%[Ee]2%80%[Aa][89]")
_UNRESERVED = r"A-Za-z0-9\-_.!~*'()"
_USER_CHARS = re.compile(r"^[" + _UNRESERVED + r"&=+$,;/]\Z")
_PARAM_CHARS = re.compile(r"^[" + _UNRESERVED + r"\[\]/:&+$]\Z")
_HNV_CHARS = re.compile(r"^[" + _UNRESERVED + r"\[\]/?:+$]\Z")
_HEX_DIGIT = re.compile(r"^[0-9A-Fa-f]\Z")
ROUTE_EXAMPLES = "sip:2001@pbx.example.com, tel:+14155550123, +14155550123 or 2001"


def _check_route(route):
    """(classified, None) or (None, error): the port of checkRoute in lib/sip/route.ts."""
    control = _ROUTE_CONTROL.search(route)
    if control:
        return None, "Routes cannot contain control characters (found " + _describe_route_char(control.group(0)) + ")"
    r = _trim(route)
    if r == "":
        return None, "Enter a route"
    escaped = _ESCAPED_CONTROL.search(r)
    if escaped:
        return None, "Routes cannot contain escaped control characters (found " + escaped.group(0) + ")"
    if re.match(r"^sips?:", r, re.I):
        return _check_sip_uri(r)
    tel = _TEL_URI.match(r)
    if tel:
        return {"kind": "tel", "value": tel.group(1)}, None
    if re.match(r"^tel:", r, re.I):
        return None, "tel: routes need an E.164 number, e.g. tel:+14155550123"
    if _E164.match(r):
        return {"kind": "e164", "value": r}, None
    if _EXTENSION.match(r):
        return {"kind": "extension", "value": r}, None
    if r.startswith("+"):
        return None, "E.164 numbers are + followed by 2 to 15 digits, the first not 0"
    if re.match(r"^[0-9]+\Z", r):
        return None, "Extensions are 1 to 8 digits; write longer numbers in E.164 form (+14155550123)"
    return None, "Enter a SIP URI, tel: URI, E.164 number or extension (" + ROUTE_EXAMPLES + ")"


def _check_sip_uri(r):
    q = r.find("?")
    base = _SIP_URI_BASE.match(r if q == -1 else r[:q])
    if not base:
        return None, "Not a valid SIP URI: expected sip:user@host (e.g. sip:2001@pbx.example.com)"
    bad = _unescaped(base.group(1) or "", _USER_CHARS)
    if bad is not None:
        return None, _must_escape(bad)
    for param in base.group(2).split(";")[1:]:
        name, eq, value = param.partition("=")
        if name == "" or (eq and value == ""):
            return None, "A SIP URI's parameters are ;name or ;name=value, neither empty; found \";" + param + "\""
        bad = _unescaped(name, _PARAM_CHARS)
        if bad is None:
            bad = _unescaped(value, _PARAM_CHARS)
        if bad is not None:
            return None, _must_escape(bad)
    if q != -1:
        err = _uri_headers_error(r[q + 1:])
        if err:
            return None, err
    return {"kind": "sip", "value": r}, None


def _unescaped(part, allowed):
    i = 0
    while i < len(part):
        c = part[i]
        if allowed.match(c):
            i += 1
            continue
        if c == "%" and _HEX_DIGIT.match(part[i + 1:i + 2]) and _HEX_DIGIT.match(part[i + 2:i + 3]):
            i += 3
            continue
        return c
    return None


def _must_escape(c):
    return "In a SIP URI, \"" + c + "\" must be percent-escaped as UTF-8 bytes (%HH; \"%\" itself is %25)"


def _uri_headers_error(headers):
    for pair in headers.split("&"):
        eq = pair.find("=")
        if eq <= 0:
            return "A route's headers are name=value pairs after \"?\", joined by \"&\" (e.g. sip:2001@pbx.example.com?X-Ticket=42); found \"" + pair + "\""
        raw_name = pair[:eq]
        bad = _unescaped(raw_name, _HNV_CHARS)
        if bad is not None:
            return _must_escape(bad)
        name = re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), raw_name)
        err = header_name_error(name, in_uri=True)
        if err:
            return "Route header \"" + name + "\": " + err
        bad = _unescaped(pair[eq + 1:], _HNV_CHARS)
        if bad is not None:
            return _must_escape(bad)
    return None


def _describe_route_char(ch):
    if ch == "\t":
        return "a tab"
    return _describe_control(ch)


def classify_route(route):
    return _check_route(route)[0]


def route_error(route):
    return _check_route(route)[1]


REASON_CODE = re.compile(r"^[a-z][a-z0-9_]{0,63}\Z")
METRIC_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]{0,63}\Z")
_VARIABLE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
