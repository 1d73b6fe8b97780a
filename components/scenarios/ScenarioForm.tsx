"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { behaviourChoices } from "@/lib/handoffs/outcomes";
import { HANDOFF_SOURCES, OUTCOMES } from "@/lib/handoffs/record";
import { HANDOFF_METHODS, type HandoffMethod } from "@/lib/handoffs/types";
import type { Scenario, StoredScenario } from "@/lib/scenarios";
import { formatUtc } from "@/lib/time/utc";
import type { ScenarioActionResult } from "@/lib/scenarios/action-results";
import { createScenarioAction, updateScenarioAction } from "@/app/agents/[agentId]/scenarios/actions";
import { formErrorsOf, formValuesOf, scenarioOf, type FormErrors, type ScenarioFormValues } from "./form-fields";
import { FunctionAssertions, type FunctionChoice } from "./FunctionAssertions";
import { InboundHeadersTable } from "./InboundHeadersTable";

type Errors = FormErrors;

/** New scenario / Edit scenario: every field but the name and the outcome may stay empty. */
export function ScenarioForm({
  agentId,
  editing,
  flows,
  destinations,
  functions,
  onClose,
  onSaved,
}: {
  agentId: string;
  editing: StoredScenario | null;
  flows: readonly string[];
  destinations: readonly { name: string; method: HandoffMethod }[];
  /** The agent's functions with their typed parameters, offered by the function assertions. */
  functions: readonly FunctionChoice[];
  onClose: () => void;
  onSaved: (s: StoredScenario | undefined) => void;
}) {
  const formId = useId();
  const [values, setValues] = useState<ScenarioFormValues>(() => formValuesOf(editing?.scenario ?? null, flows));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<ScenarioFormValues>) => setValues((v) => ({ ...v, ...patch }));

  async function save() {
    const built = scenarioOf(values, editing?.scenario ?? null);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setSaving(true);
    let r: ScenarioActionResult;
    try {
      r = editing
        ? await updateScenarioAction(agentId, editing.id, built.scenario)
        : await createScenarioAction(agentId, built.scenario);
    } catch {
      r = { ok: false, fieldErrors: {}, formError: "The server did not answer; your changes are still here" };
    }
    setSaving(false);
    if (r.ok) onSaved(r.scenario);
    else setErrors({ ...formErrorsOf(r.fieldErrors), ...(r.formError ? { _form: r.formError } : {}) });
  }

  const text = (field: keyof ScenarioFormValues, label: string, hint?: string, rows = 0) => {
    const id = `${formId}-${field}`;
    const common = {
      id,
      name: field,
      value: values[field] as string,
      "aria-invalid": errors[field] ? true : undefined,
      "aria-describedby": describedBy(id, errors[field]),
      className: inputClass,
    };
    return (
      <Field id={id} label={label} error={errors[field]} hint={hint}>
        {rows > 0 ? (
          <textarea {...common} rows={rows} onChange={(e) => set({ [field]: e.target.value })} />
        ) : (
          <input {...common} onChange={(e) => set({ [field]: e.target.value })} />
        )}
      </Field>
    );
  };
  const select = (field: keyof ScenarioFormValues, label: string, options: readonly string[], empty?: string) => {
    const id = `${formId}-${field}`;
    return (
      <Field id={id} label={label} error={errors[field]}>
        <select
          id={id}
          name={field}
          value={values[field] as string}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy(id, errors[field])}
          onChange={(e) => set({ [field]: e.target.value })}
          className={inputClass}
        >
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </Field>
    );
  };

  return (
    <Modal
      title={editing ? `Edit scenario “${editing.name}”` : "New scenario"}
      onClose={onClose}
      wide
      testId="scenario-form"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" disabled={saving}>
            {saving ? "Saving…" : "Save scenario"}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {errors._form && (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
            {errors._form}
          </p>
        )}
        {text("name", "Name")}
        {text("description", "Description (optional)")}
        {text("tags", "Tags", "Separated by commas, e.g. smoke, billing; run a group with scenarios run --tag smoke")}
        <div className="grid grid-cols-2 gap-3">
          {select("flow", "Flow", flows.includes(values.flow) || !values.flow ? flows : [values.flow, ...flows])}
          {text("version", "Version", "draft, live or a version number")}
        </div>
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">The call</legend>
          {text("turns", "Caller turns", "One a line, in order; DTMF 123 for keypad digits", 3)}
          {text(
            "variables",
            "Start values",
            "name=value a line (caller_id and called_number set the call's numbers)",
            3,
          )}
          <div className="grid grid-cols-2 gap-3">
            <Field
              id={`${formId}-callerNumber`}
              label="Caller number"
              error={errors.callerNumber}
              hint={
                values.callerWithheld
                  ? "Withheld: conv.caller_number is empty, the INVITE's From is anonymous"
                  : "Empty: the caller_id start value (or +14155550123)"
              }
            >
              <input
                id={`${formId}-callerNumber`}
                name="callerNumber"
                value={values.callerWithheld ? "" : values.callerNumber}
                placeholder={values.callerWithheld ? "withheld" : "+14155550123"}
                disabled={values.callerWithheld}
                aria-invalid={errors.callerNumber ? true : undefined}
                aria-describedby={describedBy(`${formId}-callerNumber`, errors.callerNumber)}
                onChange={(e) => set({ callerNumber: e.target.value })}
                className={inputClass}
              />
              <label className="mt-1 flex items-center gap-1.5 text-xs text-slate-600">
                <input
                  type="checkbox"
                  checked={values.callerWithheld}
                  onChange={(e) => set({ callerWithheld: e.target.checked })}
                />
                Withheld (no caller number)
              </label>
            </Field>
            <Field
              id={`${formId}-clock`}
              label="Test clock (UTC)"
              error={errors.clock}
              hint={
                values.clock
                  ? `${formatUtc(`${values.clock}Z`)}: conv.now() starts here and advances with the call`
                  : "Empty: conv.now() is the real time"
              }
            >
              <input
                id={`${formId}-clock`}
                name="clock"
                type="datetime-local"
                step={1}
                value={values.clock}
                aria-invalid={errors.clock ? true : undefined}
                aria-describedby={describedBy(`${formId}-clock`, errors.clock)}
                onChange={(e) => set({ clock: e.target.value, clockIncomplete: e.target.validity.badInput })}
                className={inputClass}
              />
            </Field>
          </div>
          <InboundHeadersTable
            rows={values.sipHeaders}
            errors={errors}
            onChange={(sipHeaders) => set({ sipHeaders })}
          />
          {destinations.some((d) => d.method !== "bye") && (
            <div>
              <p className="mb-1 text-sm font-medium">How destinations behave</p>
              <div className="grid grid-cols-2 gap-2">
                {destinations
                  .filter((d) => d.method !== "bye")
                  .map((d) => (
                    <label key={d.name} className="text-xs text-slate-600">
                      {d.name}
                      <select
                        value={values.behaviours[d.name] ?? ""}
                        onChange={(e) =>
                          set({ behaviours: { ...values.behaviours, [d.name]: e.target.value as never } })
                        }
                        className={inputClass}
                      >
                        <option value="">Answers (default)</option>
                        {behaviourChoices(d.method)
                          .filter((c) => c.value !== "answers")
                          .map((c) => (
                            <option key={c.value} value={c.value}>
                              {c.label}
                            </option>
                          ))}
                      </select>
                    </label>
                  ))}
              </div>
              {errors.behaviours && <p className="mt-1 text-xs text-red-700">{errors.behaviours}</p>}
            </div>
          )}
          {text("seed", "Seed", "Same seed, same call ids and SIP trace; empty: the scenario's name")}
        </fieldset>
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">Expectations</legend>
          {select("outcome", "Outcome", OUTCOMES)}
          <div className="grid grid-cols-2 gap-3">
            {text("destination", "Handoff destination", "A destination's name, or a route for transfer_call")}
            {select("method", "Method", HANDOFF_METHODS, "Any")}
            {text("reason", "Reason")}
            {select("source", "Source", HANDOFF_SOURCES, "Any")}
            {text("function", "Function", "The Python function that handed off")}
            {text("utterance", "Utterance contains")}
          </div>
          {text("headers", "Resolved headers", "Header-Name: value a line, exactly as sent", 2)}
          {text("path", "Path contains nodes", "Node titles, one a line", 2)}
          {text("metrics", "Metrics", "name=value a line (the last value written)", 2)}
          {text("transcript", "Transcript contains", "One text a line (ignoring case)", 2)}
          <FunctionAssertions
            rows={values.functions}
            functions={functions}
            errors={errors}
            onChange={(fns) => set({ functions: fns })}
          />
        </fieldset>
      </form>
    </Modal>
  );
}

export type { Scenario };
