"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useCan } from "@/components/ui/viewer";
import { Modal } from "@/components/ui/Modal";
import { createAgentAction, renameAgentAction } from "@/app/agents/actions";
import { AgentNameForm } from "./AgentNameForm";

// Loaded when opened: the agent document's schemas are not needed to draw every agent page.
const ImportAgentDialog = dynamic(() => import("./ImportAgentDialog").then((m) => m.ImportAgentDialog), {
  ssr: false,
});

type Agent = { id: string; name: string };

export function AgentSwitcher({ current, agents }: { current: Agent; agents: Agent[] }) {
  const router = useRouter();
  const mayEdit = useCan("agents.edit");
  const mayImport = useCan("functions.edit");
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<"none" | "create" | "rename" | "import">("none");
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const choose = (action: "create" | "rename" | "import") => {
    setOpen(false);
    setDialog(action);
  };

  return (
    <div ref={menuRef} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Agent: ${current.name}`}
        data-testid="agent-switcher"
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100"
      >
        {current.name}{" "}
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </button>
      {open && (
        <div
          role="menu"
          className="absolute left-0 top-full z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {agents.map((a) => (
            <button
              key={a.id}
              role="menuitemradio"
              aria-checked={a.id === current.id}
              onClick={() => {
                setOpen(false);
                // Stay in the same section when switching agents.
                router.push(window.location.pathname.replace(`/agents/${current.id}`, `/agents/${a.id}`));
              }}
              className="flex w-full items-center justify-between px-3 py-1.5 text-left hover:bg-slate-50"
            >
              {a.name}
              {a.id === current.id && <span aria-hidden>✓</span>}
            </button>
          ))}
          {mayEdit && (
            <>
              <div className="my-1 border-t border-slate-200" />
              <button
                role="menuitem"
                onClick={() => choose("rename")}
                className="block w-full px-3 py-1.5 text-left hover:bg-slate-50"
              >
                Rename agent…
              </button>
              <button
                role="menuitem"
                onClick={() => choose("create")}
                className="block w-full px-3 py-1.5 text-left hover:bg-slate-50"
              >
                New agent…
              </button>
            </>
          )}
          <div className="my-1 border-t border-slate-200" />
          <a
            role="menuitem"
            href={`/agents/${current.id}/export`}
            download
            onClick={() => setOpen(false)}
            className="block w-full px-3 py-1.5 text-left hover:bg-slate-50"
          >
            Export agent
          </a>
          {mayImport && (
            <button
              role="menuitem"
              onClick={() => choose("import")}
              className="block w-full px-3 py-1.5 text-left hover:bg-slate-50"
            >
              Import agent…
            </button>
          )}
        </div>
      )}
      {dialog === "import" && <ImportAgentDialog agent={current} onClose={() => setDialog("none")} />}
      {dialog === "create" && (
        <Modal title="New agent" onClose={() => setDialog("none")}>
          <AgentNameForm
            submitLabel="Create agent"
            onSubmit={(name) => createAgentAction({ name })}
            onCancel={() => setDialog("none")}
            onDone={(agent) => {
              setDialog("none");
              router.push(`/agents/${agent.id}`);
            }}
          />
        </Modal>
      )}
      {dialog === "rename" && (
        <Modal title={`Rename ${current.name}`} onClose={() => setDialog("none")}>
          <AgentNameForm
            initial={current.name}
            submitLabel="Rename"
            onSubmit={(name) => renameAgentAction(current.id, { name })}
            onCancel={() => setDialog("none")}
            onDone={() => {
              setDialog("none");
              router.refresh();
            }}
          />
        </Modal>
      )}
    </div>
  );
}
