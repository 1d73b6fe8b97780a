"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { signOutAction, signOutEverywhereAction } from "@/app/sign-in/actions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/types";

/** Who is signed in, with what role, and the ways out. */
export function UserMenu({ viewer }: { viewer: Viewer }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative ml-auto">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Account: ${viewer.name} (${ROLE_LABELS[viewer.role]})`}
        data-testid="user-menu"
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100"
      >
        <span className="font-medium">{viewer.name}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" data-testid="viewer-role">
          {ROLE_LABELS[viewer.role]}
        </span>
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 top-full z-30 mt-1 w-60 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          <p className="truncate px-3 py-1.5 text-xs text-slate-500">{viewer.email}</p>
          <div className="my-1 border-t border-slate-200" />
          <button
            role="menuitem"
            disabled={pending}
            onClick={() => startTransition(async () => void (await signOutAction()))}
            className="block w-full px-3 py-1.5 text-left hover:bg-slate-50"
          >
            Sign out
          </button>
          <button
            role="menuitem"
            disabled={pending}
            title="Ends your sessions in every browser and device"
            onClick={() => startTransition(async () => void (await signOutEverywhereAction()))}
            className="block w-full px-3 py-1.5 text-left hover:bg-slate-50"
          >
            Sign out everywhere
          </button>
        </div>
      )}
    </div>
  );
}
