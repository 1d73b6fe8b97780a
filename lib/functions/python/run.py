# ---------------------------------------------------------------------------------------------
# Running user code.

_RETURN_KEYS = ("utterance", "end_turn", "hangup", "handoff")


def _user_frames(tb):
    """The user's frames: this function's and those of functions it called through conv.functions."""
    return [f for f in traceback.extract_tb(tb) if f.filename == FILENAME or f.filename.startswith("<function ")]


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
        own = [f for f in frames if f.filename == FILENAME]
        if own:
            # The line to mark is in this function's source: the deepest frame of its own file.
            last = own[-1]
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
            conv.log.warning("Returned dict keys " + ", ".join(repr(k) for k in unknown) + " mean nothing to the agent (it reads utterance, end_turn, hangup, handoff)", source="switchboard")
        if "utterance" in value and value["utterance"] is not None:
            result["utterance"] = _check_text(value["utterance"], "utterance", "return value")
        if "end_turn" in value:
            if not isinstance(value["end_turn"], bool):
                raise ValueError("return value end_turn must be True or False, got " + repr(value["end_turn"]))
            result["endTurn"] = value["end_turn"]
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
        "endTurn": True,
        "hangup": False,
        "handoff": None,
        "flow": None,
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
    result["flow"] = conv._flow
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
