"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  connectTwilioAction,
  disconnectTwilioAction,
  testTwilioAction,
} from "@/app/agents/[agentId]/settings/telephony/actions";
import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import type { NumberUrls, TwilioConnection, TwilioNumber } from "@/lib/telephony/account";
import type { TelephonyActionResult } from "@/lib/telephony/action-results";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { formatUtc } from "@/lib/time/utc";
import { TwilioNumbers, type AgentOption } from "./TwilioNumbers";

const EMPTY_CONNECT = { accountSid: "", authToken: "", publicBaseUrl: "" };

/** Settings → Telephony: the Twilio connection (connect, test, replace, disconnect) and, once connected, its numbers. */
export function TelephonyPanel({
  connection,
  urls,
  numbers,
  agents,
}: {
  connection: TwilioConnection | null;
  urls: NumberUrls | null;
  numbers: TwilioNumber[];
  agents: AgentOption[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState(EMPTY_CONNECT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);

  function run(action: () => Promise<TelephonyActionResult>, after?: (r: TelephonyActionResult) => void) {
    startTransition(async () => {
      const r = await action();
      if (r.ok) setNotice({ text: r.message, error: false });
      else setNotice({ text: r.formError ?? Object.values(r.fieldErrors)[0] ?? "That did not work", error: true });
      after?.(r);
      router.refresh();
    });
  }

  function connect(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const r = await connectTwilioAction(draft);
      if (!r.ok) {
        setErrors({ ...r.fieldErrors, ...(r.formError ? { _form: r.formError } : {}) });
        return;
      }
      setErrors({});
      // The token is never shown again: the field is cleared as soon as it is stored.
      setDraft(EMPTY_CONNECT);
      setReplacing(false);
      setNotice({ text: r.message, error: false });
      router.refresh();
    });
  }

  const connectField = (name: keyof typeof EMPTY_CONNECT, label: string, hint: string, type = "text") => (
    <div>
      <label htmlFor={`twilio-${name}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={`twilio-${name}`}
        type={type}
        autoComplete="off"
        spellCheck={false}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(`twilio-${name}`, errors[name])}
        className={inputClass}
      />
      <FieldMessages id={`twilio-${name}`} error={errors[name]} />
      {!errors[name] && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );

  const connectForm = (
    <form onSubmit={connect} aria-label="Connect Twilio" className="rounded-lg border border-slate-200 p-4" noValidate>
      <h3 className="mb-3 text-sm font-semibold">{connection ? "Replace the credentials" : "Connect Twilio"}</h3>
      {errors._form && (
        <p role="alert" data-testid="connect-error" className="mb-3 text-sm text-red-700">
          {errors._form}
        </p>
      )}
      <div className="grid grid-cols-1 gap-3">
        {connectField("accountSid", "Account SID", "AC followed by 32 hexadecimal characters, from Twilio's console")}
        {connectField("authToken", "Auth Token", "Stored encrypted (AES-256-GCM) and never shown again", "password")}
        {connectField(
          "publicBaseUrl",
          "Public base URL",
          "Where Twilio reaches this server (https; http only for localhost). Signatures are checked against it.",
        )}
      </div>
      <div className="mt-4 flex gap-2">
        <Button variant="primary" type="submit" disabled={pending}>
          {connection ? "Replace and test" : "Connect"}
        </Button>
        {connection && <Button onClick={() => setReplacing(false)}>Cancel</Button>}
      </div>
    </form>
  );

  return (
    <section aria-labelledby="telephony-heading" className="space-y-6">
      <div>
        <h2 id="telephony-heading" className="text-lg font-semibold">
          Telephony
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Connect a Twilio account so calls to its numbers run an agent&apos;s live version. Twilio posts each call to
          this server; every request&apos;s signature is checked against the public base URL.
        </p>
      </div>

      <p
        role="status"
        aria-live="polite"
        data-testid="telephony-notice"
        className={`min-h-5 text-sm ${notice?.error ? "text-red-700" : "text-slate-600"}`}
      >
        {notice?.text}
      </p>

      {connection && !replacing ? (
        <div className="rounded-lg border border-slate-200 p-4" data-testid="twilio-connection">
          <dl className="grid grid-cols-[12rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-600">Account SID</dt>
            <dd className="font-mono text-xs" data-testid="account-sid">
              {connection.accountSid}
            </dd>
            <dt className="text-slate-600">Account name</dt>
            <dd data-testid="account-name">
              {connection.friendlyName ?? <span className="text-amber-700">Not verified yet: Test connection</span>}
            </dd>
            <dt className="text-slate-600">Auth Token</dt>
            <dd className="text-slate-500">Stored encrypted; never shown</dd>
            <dt className="text-slate-600">Public base URL</dt>
            <dd className="font-mono text-xs" data-testid="public-base-url">
              {connection.publicBaseUrl}
            </dd>
            <dt className="text-slate-600">Connected</dt>
            <dd>
              <time dateTime={connection.connectedAt}>{formatUtc(connection.connectedAt, "minute")}</time>
            </dd>
          </dl>
          <div className="mt-4 flex gap-2">
            <Button onClick={() => run(() => testTwilioAction())} disabled={pending}>
              Test connection
            </Button>
            <Button onClick={() => setReplacing(true)} disabled={pending}>
              Replace credentials
            </Button>
            <Button variant="ghost" className="text-red-700" onClick={() => setConfirmDisconnect(true)}>
              Disconnect
            </Button>
          </div>
        </div>
      ) : (
        connectForm
      )}

      {connection && (
        <TwilioNumbers
          urls={urls}
          numbers={numbers}
          agents={agents}
          pending={pending}
          startTransition={startTransition}
          run={run}
          onNotice={(text) => setNotice({ text, error: false })}
        />
      )}

      {confirmDisconnect && (
        <Modal
          title="Disconnect Twilio?"
          onClose={() => setConfirmDisconnect(false)}
          testId="disconnect-dialog"
          footer={
            <>
              <Button onClick={() => setConfirmDisconnect(false)}>Cancel</Button>
              <Button
                variant="danger"
                onClick={() =>
                  run(
                    () => disconnectTwilioAction(),
                    () => setConfirmDisconnect(false),
                  )
                }
              >
                Disconnect
              </Button>
            </>
          }
        >
          <p className="text-sm">
            The Account SID and Auth Token are deleted. Calls to the numbers get 403 until Twilio is connected again;
            numbers keep their agents.
          </p>
        </Modal>
      )}
    </section>
  );
}
