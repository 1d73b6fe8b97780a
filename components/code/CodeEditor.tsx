"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import { loadMonaco, type Monaco } from "./load-monaco";
import { registerConvLanguage } from "./conv-language";

export interface EditorMarker {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

type Editor = Parameters<OnMount>[0];

/**
 * Monaco for Python, loaded from the installed package. Markers are grouped by owner
 * ("syntax", "runtime") so each source can replace its own. `onSave` is bound to Ctrl/Cmd+S.
 */
export function CodeEditor({
  value,
  onChange,
  onSave,
  markers,
  ariaLabel,
  height = "100%",
  readOnly = false,
}: {
  value: string;
  onChange: (value: string) => void;
  onSave?: () => void;
  markers: Record<string, EditorMarker[]>;
  ariaLabel: string;
  height?: string;
  /** Shown, runnable, but not editable (a role that may not change functions). */
  readOnly?: boolean;
}) {
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  }, [onSave]);

  useEffect(() => {
    let alive = true;
    loadMonaco().then(
      (m) => {
        registerConvLanguage(m);
        if (alive) setMonaco(m);
      },
      (e: unknown) => alive && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    for (const [owner, list] of Object.entries(markers)) {
      monaco.editor.setModelMarkers(
        model,
        owner,
        list.map((m) => ({
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.endLine,
          endColumn: m.endColumn,
        })),
      );
    }
  });

  const onMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.KeyS, () => saveRef.current?.());
  };

  const markerCount = Object.values(markers).reduce((n, l) => n + l.length, 0);

  if (failed) {
    return (
      <div className="flex h-full flex-col gap-2 p-3 text-sm">
        <p role="alert" className="text-red-700">
          The code editor failed to load ({failed}); you can still edit as plain text.
        </p>
        <textarea
          aria-label={ariaLabel}
          className="h-full w-full rounded border border-slate-300 p-2 font-mono text-sm"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  }

  return (
    <div className="h-full" data-testid="code-editor" data-ready={monaco ? "true" : "false"} data-markers={markerCount}>
      {monaco ? (
        <Editor
          height={height}
          language="python"
          value={value}
          onChange={(v) => onChange(v ?? "")}
          onMount={onMount}
          options={{
            ariaLabel,
            readOnly,
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 4,
            insertSpaces: true,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            fixedOverflowWidgets: true,
            renderValidationDecorations: "on",
            // "dimmed" (the default) greys the last line's number below readable contrast.
            renderFinalNewline: "on",
            quickSuggestions: { other: true, comments: false, strings: false },
          }}
          loading={<EditorLoading />}
        />
      ) : (
        <EditorLoading />
      )}
    </div>
  );
}

function EditorLoading() {
  return <div className="p-3 text-sm text-slate-500">Loading the editor…</div>;
}
