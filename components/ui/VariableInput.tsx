"use client";

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { findVariableRefs, variablePrefixAt } from "@/lib/variables/variables";
import { inputClass } from "./FieldMessages";

export interface VariableOption {
  name: string;
  description: string;
}

type Props = {
  value: string;
  onChange: (value: string) => void;
  variables: readonly VariableOption[];
  id?: string;
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  placeholder?: string;
  /** A textarea that grows with its text (at least `rows` lines), for utterances. */
  multiline?: boolean;
  rows?: number;
};

/**
 * A text input that highlights `$variables` (known in blue, unknown in amber) and offers them
 * by autocomplete when the user types `$`. The overlay draws the text; the input's own text is
 * transparent so the caret and selection still behave natively. `multiline` makes it a textarea
 * that grows to fit its text (the overlay wraps the same way).
 */
export function VariableInput({ value, onChange, variables, placeholder, multiline, rows = 2, ...aria }: Props) {
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);

  const known = useMemo(() => new Set(variables.map((v) => v.name)), [variables]);
  const token = caret === null || dismissed ? null : variablePrefixAt(value, caret);
  const options = token
    ? variables.filter((v) => v.name.toLowerCase().startsWith(token.prefix.toLowerCase()) && v.name !== token.prefix)
    : [];
  const open = options.length > 0;
  const listRef = useRef<HTMLUListElement>(null);

  // Inside a scrolling dialog the list may open below the fold; bring it into view.
  useEffect(() => {
    if (open) listRef.current?.scrollIntoView({ block: "nearest" });
  }, [open]);

  function accept(name: string) {
    if (!token || caret === null) return;
    const next = value.slice(0, token.start) + "$" + name + value.slice(caret);
    const at = token.start + name.length + 1;
    onChange(next);
    setCaret(at);
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(at, at));
  }

  // Grow (or shrink) a textarea to its content before paint, so a long paste is all in view. Inside
  // a dialog that is not open yet nothing is laid out (scrollHeight 0): measure on the next frame.
  useLayoutEffect(() => {
    const el = inputRef.current;
    if (!multiline || !el) return;
    const fit = () => {
      el.style.height = "auto";
      if (el.getClientRects().length === 0) return false;
      el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
      return true;
    };
    if (fit()) return;
    const frame = requestAnimationFrame(fit);
    return () => cancelAnimationFrame(frame);
  }, [multiline, value]);

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      accept(options[Math.min(active, options.length - 1)]!.name);
    } else if (e.key === "Escape") {
      // Close the suggestions, not the surrounding dialog.
      e.preventDefault();
      e.stopPropagation();
      setDismissed(true);
    }
  }

  const syncCaret = () => {
    setCaret(inputRef.current?.selectionStart ?? null);
    if (overlayRef.current && inputRef.current) {
      overlayRef.current.scrollLeft = inputRef.current.scrollLeft;
      overlayRef.current.scrollTop = inputRef.current.scrollTop;
    }
  };

  const field = {
    ...aria,
    ref: inputRef,
    // A textarea keeps its textbox role (combobox is not allowed on it); it still owns the list.
    ...(multiline ? {} : { role: "combobox", "aria-expanded": open }),
    "aria-controls": listId,
    "aria-autocomplete": "list" as const,
    "aria-activedescendant": open ? `${listId}-${active}` : undefined,
    autoComplete: "off",
    spellCheck: false,
    placeholder,
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      onChange(e.target.value);
      setCaret(e.target.selectionStart);
      setActive(0);
      setDismissed(false);
    },
    onSelect: syncCaret,
    onScroll: syncCaret,
    onKeyDown,
    onBlur: () => setCaret(null),
    className: `${inputClass.replace("bg-white", "bg-transparent")} relative text-transparent caret-slate-900 selection:bg-brand-100 selection:text-transparent ${multiline ? "block resize-none overflow-hidden" : ""}`,
  };

  return (
    <div className="relative rounded-md bg-white">
      <div
        ref={overlayRef}
        aria-hidden
        className={`absolute inset-0 rounded-md border border-transparent px-2.5 py-1.5 text-sm ${multiline ? "var-overlay-wrap" : "var-overlay"}`}
      >
        {renderHighlighted(value, known)}
      </div>
      {multiline ? <textarea rows={rows} {...field} /> : <input {...field} />}
      {open && (
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label="Variables"
          className="absolute left-0 top-full z-20 mt-1 max-h-48 w-72 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((v, i) => (
            <li
              key={v.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(v.name);
              }}
              className={`cursor-pointer px-3 py-1 ${i === active ? "bg-brand-50" : ""}`}
            >
              <span className="font-mono text-blue-700">${v.name}</span>
              <span className="ml-2 text-xs text-slate-500">{v.description}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function renderHighlighted(text: string, known: ReadonlySet<string>): React.ReactNode[] {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const ref of findVariableRefs(text)) {
    if (ref.start > last) parts.push(text.slice(last, ref.start));
    const isKnown = known.has(ref.name);
    parts.push(
      <mark
        key={ref.start}
        data-variable={ref.name}
        data-known={isKnown}
        className={`rounded-sm ${isKnown ? "bg-blue-100 text-blue-800" : "bg-amber-100 text-amber-900"}`}
      >
        {text.slice(ref.start, ref.end)}
      </mark>,
    );
    last = ref.end;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
