"use client";

import { useEffect, useId, useRef } from "react";

const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * Where focus goes when a dialog opens: an element marked `data-autofocus`, else the first field
 * of the body, else the first footer button (Cancel, in confirmations) — never the ✕, which the
 * browser would pick as the first focusable element.
 */
function initialFocus(dialog: HTMLDialogElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>("[data-autofocus]") ??
    dialog.querySelector<HTMLElement>(`[data-modal-body] :is(${FIELD})`) ??
    dialog.querySelector<HTMLElement>("[data-modal-body] button:not([disabled])") ??
    dialog.querySelector<HTMLElement>("footer button:not([disabled])")
  );
}

/**
 * An accessible dialog on the native <dialog> element: focus is trapped and Escape is handled by
 * the browser; `onClose` lets the owner decide whether closing is allowed. It opens with focus on
 * its first field (see `initialFocus`).
 */
export function Modal({
  title,
  onClose,
  children,
  footer,
  wide = false,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: React.ReactNode;
  footer?: React.ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      initialFocus(dialog)?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto max-h-[90vh] w-full ${wide ? "max-w-2xl" : "max-w-md"} overflow-hidden rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      <div className="flex max-h-[90vh] flex-col">
        <header className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <button
            type="button"
            aria-label="Close"
            onClick={onClose}
            className="rounded p-1 text-slate-500 hover:bg-slate-100"
          >
            ✕
          </button>
        </header>
        <div className="overflow-y-auto px-5 py-4" data-modal-body>
          {children}
        </div>
        {footer && <footer className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</footer>}
      </div>
    </dialog>
  );
}
