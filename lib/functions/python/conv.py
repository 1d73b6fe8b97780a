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


_SIP_HOST = re.compile(r"^" + _HOST + r"(?::[0-9]{1,5})?\Z")
_ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
# As lib/sip/hvalue.ts: header names and values keep unreserved and hnv-unreserved characters
# except "?" (some SBCs split on every "?"); the user part keeps unreserved characters and "+".
_HVALUE_SAFE = frozenset(_ALPHANUM + "-_.!~*'()" + "[]/:+$")
_USER_SAFE = frozenset(_ALPHANUM + "-_.!~*'()" + "+")


def _pct_escape(text, safe):
    out = []
    for ch in text:
        if ch in safe:
            out.append(ch)
            continue
        if "\ud800" <= ch <= "\udfff":
            ch = "\ufffd"  # a lone surrogate has no UTF-8 form
        out.extend("%%%02X" % b for b in ch.encode("utf-8"))
    return "".join(out)


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


class Headers(dict):
    """conv.sip_headers: header names compare ignoring case, as SIP's do (the names keep their spelling)."""

    def _key(self, name):
        if isinstance(name, str):
            low = name.lower()
            for k in dict.keys(self):
                if k.lower() == low:
                    return k
        return name

    def __getitem__(self, name):
        return dict.__getitem__(self, self._key(name))

    def __contains__(self, name):
        return dict.__contains__(self, self._key(name))

    def get(self, name, default=None):
        return dict.get(self, self._key(name), default)


class State(dict):
    """conv.state: a dict whose keys also read and write as attributes (conv.state.tier); a missing
    key reads as None, as conv.state.get("tier") does."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name)

    def __setattr__(self, name, value):
        self[name] = value

    def __delattr__(self, name):
        self.pop(name, None)


class Functions:
    """conv.functions.<name>(...): another function of the agent, called with this conv inside the
    same run, so the whole chain shares the one time limit."""

    def __init__(self, conv, sources):
        self._conv = conv
        self._sources = {f["name"]: f["code"] for f in sources}
        self._loaded = {}

    def __dir__(self):
        return sorted(self._sources)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._sources:
            known = ", ".join(sorted(self._sources)) or "none"
            raise AttributeError("conv.functions." + name + ": this agent has no function named " + repr(name) + " (its functions: " + known + ")")

        def call(*args, **kwargs):
            return self._load(name)(self._conv, *args, **kwargs)

        call.__name__ = name
        return call

    def _load(self, name):
        fn = self._loaded.get(name)
        if fn is not None:
            return fn
        code = self._sources[name]
        filename = "<function " + name + ">"
        linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
        namespace = {"__name__": "__function__", "__builtins__": builtins}
        exec(compile(code, filename, "exec"), namespace)
        fn = namespace.get(name)
        if not callable(fn):
            raise NameError("conv.functions." + name + ": its code does not define def " + name + "(conv):")
        self._loaded[name] = fn
        return fn


class Conv:
    def __init__(self, request):
        call = request.get("call") or {}
        self.id = call.get("conversationId", "")
        self.caller_number = call.get("callerNumber", "")
        self.callee_number = call.get("calleeNumber", "")
        self.sip_headers = Headers(call.get("sipHeaders") or {})
        self.state = State(request.get("state") or {})
        self.integration_attributes = dict(request.get("integrationAttributes") or {})
        self.functions = Functions(self, request.get("functions") or [])
        flows = request.get("flows")
        self._flows = None if flows is None else [str(f) for f in flows]
        self._written = set(request.get("writtenMetrics") or [])
        self._flow = None
        self._call_sid = call.get("callSid", "")
        self._now = request.get("now")
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
        last = request.get("lastTransfer")
        self.last_transfer = _jsonable(last) if isinstance(last, dict) else None
        self._says = []
        self._metrics = []
        self._logs = []
        self._handoff = None
        self.log = Log(self._logs)

    def __repr__(self):
        return "<conv " + self.id + " caller=" + self.caller_number + ">"

    def now(self):
        """The call's clock: a scenario's test clock (advancing with the call) when set, else real time; aware, UTC."""
        if self._now:
            return datetime.datetime.fromisoformat(self._now.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
        return datetime.datetime.now(datetime.timezone.utc)

    def say(self, text):
        self._says.append(str(text))

    def write_metric(self, name, value=None, write_once=False):
        if not isinstance(name, str) or not METRIC_NAME.match(name):
            raise ValueError("write_metric: name " + repr(name) + " must start with a letter or _ and use letters, digits, _ . : - (at most 64 characters)")
        if value is None:
            value = True
        elif isinstance(value, str):
            if len(value) > 1000:
                raise ValueError("write_metric: text value for " + name + " is longer than 1000 characters")
        elif isinstance(value, bool):
            pass
        elif isinstance(value, (int, float)):
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError("write_metric: value for " + name + " must be a finite number")
        else:
            raise ValueError("write_metric: value for " + name + " must be a number, text, True/False or None, got " + repr(value))
        if not isinstance(write_once, bool):
            raise ValueError("write_metric: write_once must be True or False, got " + repr(write_once))
        if write_once and (name in self._written or any(m["name"] == name for m in self._metrics)):
            return
        self._metrics.append({"name": name, "value": value})

    def goto_flow(self, name):
        where = "conv.goto_flow"
        if not isinstance(name, str) or not name.strip():
            raise ValueError(where + ": give a flow's name, got " + repr(name))
        found = name.strip()
        if self._flows is not None:
            key = found.lower()
            found = next((f for f in self._flows if f.strip().lower() == key), None)
            if found is None:
                raise ValueError(where + ": no flow named " + repr(name) + "; this agent has " + (", ".join(repr(f) for f in self._flows) or "no flows"))
        self._set_flow({"kind": "goto", "flow": found}, where)

    def exit_flow(self):
        self._set_flow({"kind": "exit", "flow": None}, "conv.exit_flow")

    def _set_flow(self, record, where):
        if self._handoff is not None:
            raise HandoffError(where + ": the call was already handed off in this run; a function either hands off or changes flow")
        if self._flow is not None:
            raise RuntimeError(where + ": this run already asked for " + ("conv.goto_flow(" + repr(self._flow["flow"]) + ")" if self._flow["kind"] == "goto" else "conv.exit_flow()") + "; a function changes flow at most once")
        self._flow = record

    def _set_handoff(self, record, where):
        if self._flow is not None:
            raise HandoffError(where + ": this run already changed flow; a function either hands off or changes flow")
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

    def sip_uri(self, user, host, headers=None):
        where = "conv.sip_uri"
        if isinstance(user, int) and not isinstance(user, bool):
            user = str(user)
        if user is not None and not isinstance(user, str):
            raise ValueError(where + ": user must be a string (or None for no user part), got " + repr(user))
        if user == "":
            raise ValueError(where + ": user is empty; pass None for a URI without a user part")
        if not isinstance(host, str) or not _SIP_HOST.match(host):
            raise ValueError(where + ": host must be a host name or IP address, optionally with :port (e.g. pbx.example.com or 10.0.0.5:5060), got " + repr(host))
        if user is not None:
            control = _ROUTE_CONTROL.search(user)
            if control:
                raise ValueError(where + ": user cannot contain control characters (found " + _describe_route_char(control.group(0)) + ")")
        pairs = []
        for h in _header_items(headers, where):
            control = _ROUTE_CONTROL.search(h["value"])
            if control:
                raise ValueError(where + ": header " + h["name"] + ": a route cannot carry control characters (found " + _describe_route_char(control.group(0)) + ")")
            pairs.append(_pct_escape(h["name"], _HVALUE_SAFE) + "=" + _pct_escape(h["value"], _HVALUE_SAFE))
        uri = "sip:" + ("" if user is None else _pct_escape(user, _USER_SAFE) + "@") + host + ("?" + "&".join(pairs) if pairs else "")
        err = route_error(uri)
        if err:
            raise ValueError(where + ": " + err)
        return uri

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

