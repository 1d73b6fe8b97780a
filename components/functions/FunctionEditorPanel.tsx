"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useCan } from "@/components/ui/viewer";
import { Button } from "@/components/ui/Button";
import { CodeEditor, type EditorMarker } from "@/components/code/CodeEditor";
import { loadFunctionEditorData, saveFunctionAction } from "@/app/agents/[agentId]/functions/actions";
import type { FunctionEditorData } from "@/lib/functions/action-results";
import { buildRunRequest, sampleCall, type SampleRow } from "@/lib/functions/sample";
import type { RunResult, SyntaxIssue } from "@/lib/functions/types";
import { browserRunner, useRunnerStatus } from "./browser-runner-store";
import { RunInputs } from "./RunInputs";
import { RunResultView } from "./RunResultView";
import { useUnsavedChangesGuard } from "./unsaved-guard";

const SYNTAX_DEBOUNCE_MS = 300;

/**
 * The function editor: Monaco with conv completions and live syntax errors, Save (Ctrl/Cmd+S),
 * an unsaved-changes guard, and Run against sample conv.state and call variables. Reusable: the
 * Functions page renders it full-size; the flow canvas can render it inline for one function
 * (`initial` is optional; without it the panel loads its data).
 */
export function FunctionEditorPanel({
  agentId,
  functionId,
  initial,
  showBackLink = false,
  onSaved,
  onDirtyChange,
}: {
  agentId: string;
  functionId: string;
  initial?: FunctionEditorData;
  showBackLink?: boolean;
  onSaved?: (code: string) => void;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const [data, setData] = useState<FunctionEditorData | null>(initial ?? null);
  const [missing, setMissing] = useState<string | null>(null);

  useEffect(() => {
    if (initial) return;
    let alive = true;
    loadFunctionEditorData(agentId, functionId).then((r) => {
      if (!alive) return;
      if (r.ok) setData(r.data);
      else setMissing(r.error);
    });
    return () => {
      alive = false;
    };
  }, [agentId, functionId, initial]);

  // Start Python as soon as an editor opens: the first Run should find it warm.
  useEffect(() => {
    browserRunner()
      .warm()
      .catch(() => {});
  }, []);

  if (missing) return <p className="p-6 text-sm text-red-700">{missing}</p>;
  if (!data) return <p className="p-6 text-sm text-slate-500">Loading the function…</p>;
  return (
    <LoadedPanel
      key={data.function.id}
      data={data}
      showBackLink={showBackLink}
      onSaved={onSaved}
      onDirtyChange={onDirtyChange}
    />
  );
}

function LoadedPanel({
  data,
  showBackLink,
  onSaved,
  onDirtyChange,
}: {
  data: FunctionEditorData;
  showBackLink: boolean;
  onSaved?: (code: string) => void;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const fn = data.function;
  const mayEdit = useCan("functions.edit");
  const [code, setCode] = useState(fn.code);
  const [savedCode, setSavedCode] = useState(fn.code);
  const [saving, setSaving] = useState(false);
  const [saveMessage, setSaveMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [syntax, setSyntax] = useState<SyntaxIssue | null>(null);
  const [runtimeMarker, setRuntimeMarker] = useState<EditorMarker | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const [running, setRunning] = useState(false);
  const [rows, setRows] = useState<SampleRow[]>(() =>
    data.variables.map((v) => ({ key: v.name, value: v.sampleValue })),
  );
  const call = useMemo(() => sampleCall(), []);
  const [callerNumber, setCallerNumber] = useState(call.callerNumber);
  const [calleeNumber, setCalleeNumber] = useState(call.calleeNumber);
  const status = useRunnerStatus();
  const dirty = code !== savedCode;

  useUnsavedChangesGuard(dirty);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // Live syntax errors: the warm worker compiles the source, debounced.
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      browserRunner()
        .check(code)
        .then((issue) => alive && setSyntax(issue))
        .catch(() => {});
    }, SYNTAX_DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [code]);

  const codeRef = useRef(code);
  useLayoutEffect(() => {
    codeRef.current = code;
  }, [code]);
  const save = useCallback(async () => {
    const toSave = codeRef.current;
    setSaving(true);
    const r = await saveFunctionAction(data.agentId, fn.id, { code: toSave });
    setSaving(false);
    if (r.ok) {
      setSavedCode(toSave);
      setSaveMessage({ ok: true, text: `Saved ${new Date(r.function.updatedAt).toLocaleTimeString()}` });
      onSaved?.(toSave);
    } else {
      setSaveMessage({ ok: false, text: r.formError ?? Object.values(r.fieldErrors)[0] ?? "Could not save" });
    }
  }, [data.agentId, fn.id, onSaved]);

  // Ctrl/Cmd+S anywhere on the page (Monaco binds it too while focused).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  async function run() {
    setRunning(true);
    setRuntimeMarker(null);
    const r = await browserRunner().run(
      buildRunRequest({
        code,
        functionName: fn.name,
        stateRows: rows,
        callerNumber,
        calleeNumber,
        destinations: data.destinations,
        timeoutMs: data.timeoutMs,
      }),
    );
    setRunning(false);
    setResult(r);
    const e = r.error;
    if (e && e.line !== null && (e.kind === "exception" || e.kind === "syntax")) {
      setRuntimeMarker({
        message: `${e.type}: ${e.message}`,
        line: e.line,
        column: e.column ?? 1,
        endLine: e.endLine ?? e.line,
        endColumn: e.endColumn ?? 1000,
      });
    }
  }

  const markers = {
    syntax: syntax ? [{ ...syntax, message: `SyntaxError: ${syntax.message}` }] : [],
    runtime: runtimeMarker ? [runtimeMarker] : [],
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="function-editor" data-dirty={dirty}>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
        {showBackLink && (
          <Link href={`/agents/${data.agentId}/functions`} className="text-sm text-slate-600 hover:underline">
            ← Functions
          </Link>
        )}
        <h1 className="font-mono text-base font-semibold" data-testid="function-title">
          {fn.name}
          {dirty && (
            <span aria-hidden className="ml-1 text-amber-600">
              ●
            </span>
          )}
        </h1>
        <span className="text-xs" data-testid="save-state">
          {dirty ? (
            <span className="text-amber-700" data-testid="dirty-indicator">
              Unsaved changes
            </span>
          ) : saveMessage ? (
            <span
              className={saveMessage.ok ? "text-emerald-700" : "text-red-700"}
              role={saveMessage.ok ? undefined : "alert"}
            >
              {saveMessage.text}
            </span>
          ) : (
            <span className="text-slate-500">Saved</span>
          )}
        </span>
        {syntax && (
          <span className="text-xs text-red-700" data-testid="syntax-status">
            SyntaxError on line {syntax.line}: {syntax.message}
          </span>
        )}
        <div className="ml-auto flex items-center gap-2">
          <PythonStatus status={status} />
          {mayEdit ? (
            <Button onClick={() => void save()} disabled={!dirty || saving} title="Save (Ctrl+S / ⌘S)">
              {saving ? "Saving…" : "Save"}
            </Button>
          ) : (
            <span className="text-xs text-slate-500" data-testid="read-only-note">
              Read-only: your role may not change functions
            </span>
          )}
          <Button variant="primary" onClick={() => void run()} disabled={running}>
            {running ? "Running…" : "Run"}
          </Button>
        </div>
      </header>
      {/* Narrow (beside the canvas): Run goes under the code, which keeps the full width and most of the height. */}
      <div className="@container flex min-h-0 flex-1 flex-col">
        <div className="flex min-h-0 flex-1 flex-col @4xl:flex-row">
          <div className="min-h-48 min-w-0 flex-[3] bg-white @4xl:flex-1">
            <CodeEditor
              value={code}
              onChange={(v) => {
                setCode(v);
                setRuntimeMarker(null);
              }}
              onSave={mayEdit ? () => void save() : undefined}
              readOnly={!mayEdit}
              markers={markers}
              ariaLabel={`Python code of ${fn.name}`}
            />
          </div>
          <aside
            className="min-h-0 flex-[2] space-y-5 overflow-y-auto border-t border-slate-200 bg-slate-50 p-4 @4xl:w-[26rem] @4xl:flex-none @4xl:shrink-0 @4xl:border-l @4xl:border-t-0"
            aria-label="Run"
          >
            <div>
              <h3 className="mb-2 text-sm font-semibold">Run with sample data</h3>
              <RunInputs
                rows={rows}
                onRows={setRows}
                callerNumber={callerNumber}
                onCallerNumber={setCallerNumber}
                calleeNumber={calleeNumber}
                onCalleeNumber={setCalleeNumber}
              />
              <p className="mt-2 text-xs text-slate-500">
                Runs the editor&apos;s current code, saved or not, with a {data.timeoutMs} ms time limit. Nothing is
                sent anywhere.
              </p>
            </div>
            {result ? (
              <RunResultView result={result} functionName={fn.name} />
            ) : (
              <p className="text-sm text-slate-500">
                Run the function to see what it says, the handoff or transfer it asks for, its metrics and logs.
              </p>
            )}
          </aside>
        </div>
      </div>
    </div>
  );
}

function PythonStatus({ status }: { status: ReturnType<typeof useRunnerStatus> }) {
  const text =
    status.state === "loading" || status.state === "idle"
      ? `Starting Python… ${status.stage ?? ""}`
      : status.state === "restarting"
        ? "Restarting Python…"
        : status.state === "failed"
          ? `Python unavailable: ${status.message ?? ""}`
          : status.state === "running"
            ? "Running…"
            : `Python ready${status.startupMs ? ` (started in ${(status.startupMs / 1000).toFixed(1)} s)` : ""}`;
  const busy = status.state === "loading" || status.state === "idle" || status.state === "restarting";
  return (
    <span
      className={`flex items-center gap-1.5 text-xs ${status.state === "failed" ? "text-red-700" : "text-slate-500"}`}
      data-testid="python-status"
      data-state={status.state}
      role="status"
    >
      {busy && (
        <span
          aria-hidden
          className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
        />
      )}
      {text}
    </span>
  );
}
