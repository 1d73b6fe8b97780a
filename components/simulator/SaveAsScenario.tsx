"use client";

import { useId, useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { useCan } from "@/components/ui/viewer";
import type { Session } from "@/lib/runtime";
import { scenarioFromSession } from "@/lib/scenarios/from-session";
import { createScenarioAction } from "@/app/agents/[agentId]/scenarios/actions";

/**
 * "Save as scenario" on a finished call (docs/design.md §15): its turns, start values, behaviours,
 * seed and what happened become a scenario, opened on the Scenarios page ready to edit.
 */
export function SaveAsScenario({
  agentId,
  session,
  flowName,
  version,
}: {
  agentId: string;
  session: Session;
  flowName: string;
  version: number | null;
}) {
  const may = useCan("scenarios.edit");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const [saving, setSaving] = useState(false);
  if (!may) return null;

  async function save() {
    setSaving(true);
    setError(null);
    const scenario = scenarioFromSession(session, {
      name: name.trim(),
      flow: flowName,
      version: version === null ? undefined : String(version),
    });
    try {
      const r = await createScenarioAction(agentId, scenario);
      if (r.ok && r.scenario) {
        setSaved({ id: r.scenario.id, name: r.scenario.name });
        setOpen(false);
      } else if (!r.ok) {
        setError(r.fieldErrors.name ?? r.formError ?? Object.values(r.fieldErrors)[0] ?? "The scenario is invalid");
      }
    } catch {
      setError("The server did not answer; try again");
    }
    setSaving(false);
  }

  return (
    <>
      {saved ? (
        <span className="text-xs text-emerald-700" data-testid="scenario-saved-note">
          Saved as scenario{" "}
          <Link
            href={`/agents/${agentId}/scenarios?edit=${encodeURIComponent(saved.id)}`}
            prefetch={false}
            className="underline"
          >
            {saved.name}
          </Link>
        </span>
      ) : (
        <Button
          onClick={() => {
            setName(`Call of ${new Date().toISOString().slice(0, 16).replace("T", " ")}`);
            setOpen(true);
          }}
        >
          Save as scenario
        </Button>
      )}
      {open && (
        <Modal
          title="Save as scenario"
          onClose={() => setOpen(false)}
          footer={
            <>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" form={id} variant="primary" disabled={saving}>
                {saving ? "Saving…" : "Save"}
              </Button>
            </>
          }
        >
          <form
            id={id}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            className="space-y-3"
          >
            <p className="text-sm text-slate-600">
              The call&apos;s turns, start values and what happened (outcome, handoff and headers, path, metrics) become
              the scenario&apos;s expectations; edit them on the Scenarios page.
            </p>
            <Field id={`${id}-name`} label="Scenario name" error={error ?? undefined}>
              <input
                id={`${id}-name`}
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(`${id}-name`, error ?? undefined)}
                className={inputClass}
              />
            </Field>
          </form>
        </Modal>
      )}
    </>
  );
}
