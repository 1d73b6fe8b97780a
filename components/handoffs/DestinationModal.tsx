"use client";

import { useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import type { VariableOption } from "@/components/ui/VariableInput";
import { destinationWarnings, parseDestination, type FieldErrors } from "@/lib/handoffs/schema";
import {
  ENCRYPTION_INFO,
  HANDOFF_METHODS,
  METHOD_INFO,
  OUTBOUND_ENCRYPTIONS,
  PLACEMENT_INFO,
  REFER_PLACEMENTS,
  type HandoffDestination,
} from "@/lib/handoffs/types";
import { ENDPOINT_EXAMPLE } from "@/lib/sip/endpoint";
import { ROUTE_EXAMPLES } from "@/lib/sip/route";
import { twilioHeaderWarnings } from "@/lib/sip/twilio-header-rules";
import type { DestinationTelephony } from "@/lib/telephony/account";
import type { HandoffActionResult } from "@/lib/handoffs/action-results";
import { draftFrom, draftToInput, type DestinationDraft } from "./draft";
import { SipHeadersEditor } from "./SipHeadersEditor";

/**
 * Add / edit a destination. Client-side errors come from the same zod schema the server uses;
 * they appear once a field was left or a save attempted. A server rejection only adds errors:
 * the draft is never reset, so nothing typed is lost.
 */
export function DestinationModal({
  destination,
  variables,
  onSubmit,
  onClose,
  telephony,
}: {
  destination?: HandoffDestination;
  variables: readonly VariableOption[];
  /** Twilio numbers: offered as routes; when the agent answers on one, Twilio's header rules are checked. */
  telephony?: DestinationTelephony;
  onSubmit: (input: ReturnType<typeof draftToInput>) => Promise<HandoffActionResult>;
  onClose: (saved?: HandoffDestination) => void;
}) {
  const [draft, setDraft] = useState<DestinationDraft>(() => draftFrom(destination));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const input = draftToInput(draft);
  const parsed = parseDestination(input);
  const clientErrors = parsed.ok ? {} : parsed.fieldErrors;
  const onTwilio = (telephony?.agentNumbers.length ?? 0) > 0;
  const warnings = useMemo(
    () => ({
      ...destinationWarnings(
        { sipHeaders: input.sipHeaders ?? [] },
        variables.map((v) => v.name),
      ),
      // Twilio's rule is the more specific one for a name both warn about.
      ...(onTwilio ? twilioHeaderWarnings(input.sipHeaders ?? []) : {}),
    }),
    [input.sipHeaders, variables, onTwilio],
  );
  // Header rows are checked as soon as something is typed in them; other fields once left.
  const typedInHeader = (key: string) => {
    const m = /^sipHeaders\.(\d+)\.(name|value)$/.exec(key);
    return m !== null && (draft.sipHeaders[Number(m[1])]?.[m[2] as "name" | "value"] ?? "") !== "";
  };
  const shown = (key: string) => attempted || touched.has(key) || typedInHeader(key);
  const errors: FieldErrors = { ...serverErrors };
  for (const [key, msg] of Object.entries(clientErrors)) if (shown(key)) errors[key] = msg;

  const patch = (p: Partial<DestinationDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    // A server error describes what was sent; once the user edits that field, the live check takes over.
    setServerErrors((errs) =>
      Object.fromEntries(Object.entries(errs).filter(([k]) => !Object.keys(p).includes(k.split(".")[0]!))),
    );
  };
  const touch = (key: string) => setTouched((t) => new Set(t).add(key));

  function save(e: React.FormEvent) {
    e.preventDefault();
    setAttempted(true);
    setFormError(null);
    if (!parsed.ok) return;
    startTransition(async () => {
      try {
        const result = await onSubmit(input);
        if (result.ok) return onClose(result.destination);
        setServerErrors(result.fieldErrors);
        setFormError(result.formError ?? null);
      } catch {
        setFormError("The server could not be reached. Your changes are still here; try again.");
      }
    });
  }

  const isEdit = destination !== undefined;
  return (
    <Modal
      wide
      title={isEdit ? `Edit ${destination.name}` : "Add handoff destination"}
      onClose={() => onClose()}
      testId="destination-modal"
      footer={
        <>
          <Button onClick={() => onClose()}>Cancel</Button>
          <Button variant="primary" type="submit" form="destination-form" disabled={pending}>
            {pending ? "Saving…" : isEdit ? "Save" : "Add"}
          </Button>
        </>
      }
    >
      <form id="destination-form" noValidate onSubmit={save} className="space-y-4">
        {formError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        )}
        <div>
          <label htmlFor="destination-name" className="mb-1 block text-sm font-medium">
            Name
          </label>
          <input
            id="destination-name"
            autoFocus
            value={draft.name}
            onChange={(e) => patch({ name: e.target.value })}
            onBlur={() => touch("name")}
            aria-invalid={!!errors.name}
            aria-describedby={describedBy("destination-name", errors.name)}
            placeholder="Billing Support"
            className={inputClass}
          />
          <FieldMessages id="destination-name" error={errors.name} />
        </div>
        <div>
          <label htmlFor="destination-description" className="mb-1 block text-sm font-medium">
            Description
          </label>
          <textarea
            id="destination-description"
            rows={2}
            value={draft.description}
            onChange={(e) => patch({ description: e.target.value })}
            onBlur={() => touch("description")}
            aria-invalid={!!errors.description}
            placeholder="Who answers here, and when the agent should send callers to them"
            className={inputClass}
          />
          <FieldMessages id="destination-description" error={errors.description} />
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Method</legend>
          <div role="radiogroup" aria-label="Method" className="grid gap-2 sm:grid-cols-3">
            {HANDOFF_METHODS.map((m) => (
              <label
                key={m}
                className={`cursor-pointer rounded-md border p-2 text-sm ${draft.method === m ? "border-brand-500 bg-brand-50" : "border-slate-300"}`}
              >
                <span className="flex items-center gap-2 font-medium">
                  <input
                    type="radio"
                    name="method"
                    value={m}
                    checked={draft.method === m}
                    onChange={() => patch({ method: m })}
                    aria-labelledby={`method-${m}-label`}
                    aria-describedby={`method-${m}-meaning`}
                  />
                  <span id={`method-${m}-label`}>{METHOD_INFO[m].label}</span>
                  {m === "refer" && <span className="text-xs font-normal text-slate-600">default</span>}
                </span>
                <span id={`method-${m}-meaning`} className="mt-1 block text-xs text-slate-600">
                  {METHOD_INFO[m].meaning}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {draft.method !== "bye" && (
          <div>
            <label htmlFor="destination-route" className="mb-1 block text-sm font-medium">
              Route
            </label>
            <input
              id="destination-route"
              value={draft.route}
              onChange={(e) => patch({ route: e.target.value })}
              onBlur={() => touch("route")}
              aria-invalid={!!errors.route}
              aria-describedby={describedBy("destination-route", errors.route)}
              placeholder={`e.g. ${ROUTE_EXAMPLES}`}
              spellCheck={false}
              className={`${inputClass} font-mono`}
              list={telephony && telephony.routeNumbers.length > 0 ? "destination-route-numbers" : undefined}
            />
            {telephony && telephony.routeNumbers.length > 0 && (
              <datalist id="destination-route-numbers" data-testid="route-numbers">
                {telephony.routeNumbers.map((n) => (
                  <option key={n} value={`tel:${n}`}>
                    Twilio number {n}
                  </option>
                ))}
              </datalist>
            )}
            <FieldMessages id="destination-route" error={errors.route} />
          </div>
        )}
        {draft.method === "bye" && errors.route && <FieldMessages id="destination-route" error={errors.route} />}
        {draft.method === "refer" && (
          <div>
            <label htmlFor="destination-placement" className="mb-1 block text-sm font-medium">
              REFER header placement
            </label>
            <select
              id="destination-placement"
              value={draft.referHeaderPlacement}
              onChange={(e) =>
                patch({ referHeaderPlacement: e.target.value as DestinationDraft["referHeaderPlacement"] })
              }
              aria-describedby="destination-placement-meaning"
              className={inputClass}
            >
              {REFER_PLACEMENTS.map((p) => (
                <option key={p} value={p}>
                  {PLACEMENT_INFO[p].label}
                </option>
              ))}
            </select>
            <p id="destination-placement-meaning" className="mt-1 text-xs text-slate-500">
              {PLACEMENT_INFO[draft.referHeaderPlacement].meaning}
            </p>
          </div>
        )}
        {draft.method === "invite" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="destination-endpoint" className="mb-1 block text-sm font-medium">
                Outbound endpoint
              </label>
              <input
                id="destination-endpoint"
                value={draft.outboundEndpoint}
                onChange={(e) => patch({ outboundEndpoint: e.target.value })}
                onBlur={() => touch("outboundEndpoint")}
                aria-invalid={!!errors.outboundEndpoint}
                aria-describedby={describedBy("destination-endpoint", errors.outboundEndpoint)}
                placeholder={`e.g. ${ENDPOINT_EXAMPLE}`}
                spellCheck={false}
                className={`${inputClass} font-mono`}
              />
              <FieldMessages id="destination-endpoint" error={errors.outboundEndpoint} />
              {!errors.outboundEndpoint && (
                <p className="mt-1 text-xs text-slate-500">
                  Optional: the SIP server or trunk the INVITE is sent through; empty sends it to the route&apos;s host.
                </p>
              )}
            </div>
            <div>
              <label htmlFor="destination-encryption" className="mb-1 block text-sm font-medium">
                Encryption
              </label>
              <select
                id="destination-encryption"
                value={draft.outboundEncryption}
                onChange={(e) =>
                  patch({ outboundEncryption: e.target.value as DestinationDraft["outboundEncryption"] })
                }
                aria-describedby="destination-encryption-meaning"
                className={inputClass}
              >
                {OUTBOUND_ENCRYPTIONS.map((e) => (
                  <option key={e} value={e}>
                    {ENCRYPTION_INFO[e].label}
                  </option>
                ))}
              </select>
              <p id="destination-encryption-meaning" className="mt-1 text-xs text-slate-500">
                {ENCRYPTION_INFO[draft.outboundEncryption].meaning}
              </p>
              <FieldMessages id="destination-encryption" error={errors.outboundEncryption} />
            </div>
          </div>
        )}
        {draft.method !== "bye" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="destination-ring-timeout" className="mb-1 block text-sm font-medium">
                Ring timeout (seconds)
              </label>
              <input
                id="destination-ring-timeout"
                inputMode="numeric"
                value={draft.ringTimeoutSeconds}
                onChange={(e) => patch({ ringTimeoutSeconds: e.target.value })}
                onBlur={() => touch("ringTimeoutSeconds")}
                aria-invalid={!!errors.ringTimeoutSeconds}
                aria-describedby={describedBy("destination-ring-timeout", errors.ringTimeoutSeconds)}
                className={inputClass}
              />
              <FieldMessages id="destination-ring-timeout" error={errors.ringTimeoutSeconds} />
            </div>
            <div>
              <label htmlFor="destination-attempts" className="mb-1 block text-sm font-medium">
                Attempts
              </label>
              <select
                id="destination-attempts"
                value={draft.attempts}
                onChange={(e) => patch({ attempts: Number(e.target.value) })}
                aria-describedby="destination-attempts-meaning"
                className={inputClass}
              >
                {[1, 2, 3].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <p id="destination-attempts-meaning" className="mt-1 text-xs text-slate-500">
                Tries before the agent gives up and takes the handoff&apos;s failed branch.
              </p>
            </div>
          </div>
        )}
        <SipHeadersEditor
          rows={draft.sipHeaders}
          onChange={(sipHeaders) => patch({ sipHeaders })}
          errors={errors}
          warnings={warnings}
          variables={variables}
        />
        {warnings.sipHeaders && (
          <p role="status" className="text-sm text-amber-800" data-testid="twilio-header-warning">
            {warnings.sipHeaders}
          </p>
        )}
        {onTwilio && (
          <p className="text-xs text-slate-500">
            This agent answers on Twilio ({telephony!.agentNumbers.join(", ")}): headers are checked against
            Twilio&apos;s rules.
          </p>
        )}
      </form>
    </Modal>
  );
}
