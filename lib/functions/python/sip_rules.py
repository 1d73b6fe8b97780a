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
