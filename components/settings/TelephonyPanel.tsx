"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  assignTwilioNumberAction,
  connectTwilioAction,
  disconnectTwilioAction,
  refreshTwilioNumbersAction,
  testTwilioAction,
} from "@/app/agents/[agentId]/settings/telephony/actions";
import { Button } from "@/components/ui/Button";
import { CopyButton } from "@/components/ui/CopyButton";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import type { NumberUrls, TwilioConnection, TwilioNumber } from "@/lib/telephony/account";
import type { TelephonyActionResult } from "@/lib/telephony/action-results";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { formatUtc } from "@/lib/time/utc";

interface AgentOption {
  id: string;
  name: string;
}

const EMPTY_CONNECT = { accountSid: "", authToken: "", publicBaseUrl: "" };

/** The two URLs a number needs in Twilio's console, each with a copy button. */
function UrlsToPaste({ urls, phoneNumber }: { urls: NumberUrls; phoneNumber?: string }) {
  const row = (label: string, value: string, testId: string) => (
    <div className="flex items-center gap-2">
      <dt className="w-56 shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 flex-1 truncate font-mono text-xs" data-testid={testId} title={value}>
        {value}
      </dd>
      <CopyButton value={value} label={label} />
    </div>
  );
  return (
    <div className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="urls-to-paste">
      <p className="mb-2">
        In Twilio&apos;s console, open {phoneNumber ?? "the number"} → Voice configuration, and set:
      </p>
      <dl className="space-y-1">
        {row("A call comes in (Webhook, HTTP POST)", urls.voiceUrl, "voice-url")}
        {row("Call status changes (HTTP POST)", urls.statusCallback, "status-callback-url")}
      </dl>
    </div>
  );
}

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
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [byHand, setByHand] = useState({ phoneNumber: "", agentId: agents[0]?.id ?? "" });
  const [handErrors, setHandErrors] = useState<FieldErrors>({});
  const [pasted, setPasted] = useState<{ urls: NumberUrls; phoneNumber: string } | null>(null);

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

  const agentOf = (n: TwilioNumber) => choice[n.phoneNumber] ?? n.agentId ?? agents[0]?.id ?? "";

  function assign(n: TwilioNumber, hand: boolean) {
    const input = { phoneNumber: n.phoneNumber, agentId: agentOf(n) };
    run(
      () => assignTwilioNumberAction(input, hand),
      (r) => setPasted(r.ok && hand && r.urls ? { urls: r.urls, phoneNumber: n.phoneNumber } : null),
    );
  }

  function assignNewByHand(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const r = await assignTwilioNumberAction(byHand, true);
      if (!r.ok) {
        setHandErrors({ ...r.fieldErrors, ...(r.formError ? { _form: r.formError } : {}) });
        return;
      }
      setHandErrors({});
      setNotice({ text: r.message, error: false });
      if (r.urls) setPasted({ urls: r.urls, phoneNumber: byHand.phoneNumber.trim() });
      setByHand({ ...byHand, phoneNumber: "" });
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
        <div className="space-y-3">
          <div className="flex items-center justify-between">
            <h3 className="text-base font-semibold">Numbers</h3>
            <Button onClick={() => run(() => refreshTwilioNumbersAction())} disabled={pending}>
              List numbers from Twilio
            </Button>
          </div>
          <p className="text-xs text-slate-500">
            US numbers that send SMS need A2P 10DLC registration with Twilio; voice calls do not, so an agent answering
            calls needs none.
          </p>
          {numbers.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="no-numbers">
              No numbers yet: list them from Twilio, or assign one by hand below.
            </p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="number-table">
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-2 pr-3 font-semibold">Number</th>
                  <th className="py-2 pr-3 font-semibold">Serves</th>
                  <th className="py-2 pr-3 font-semibold">Agent</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody>
                {numbers.map((n) => (
                  <tr
                    key={n.phoneNumber}
                    className="border-b border-slate-100"
                    data-testid="number-row"
                    data-number={n.phoneNumber}
                  >
                    <td className="py-2 pr-3">
                      <span className="font-mono text-xs">{n.phoneNumber}</span>
                      {n.friendlyName && n.friendlyName !== n.phoneNumber && (
                        <span className="ml-2 text-xs text-slate-500">{n.friendlyName}</span>
                      )}
                    </td>
                    <td className="py-2 pr-3" data-testid="serves">
                      {n.agentName ? (
                        <>
                          {n.agentName}
                          <span className="ml-1 text-xs text-slate-500">
                            ({n.assignedBy === "hand" ? "by hand" : "through Twilio"})
                          </span>
                        </>
                      ) : (
                        <span className="text-slate-500">No agent</span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      <select
                        aria-label={`Agent for ${n.phoneNumber}`}
                        value={agentOf(n)}
                        onChange={(e) => setChoice({ ...choice, [n.phoneNumber]: e.target.value })}
                        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                      >
                        {agents.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="space-x-1 py-2 text-right">
                      <Button onClick={() => assign(n, false)} disabled={pending}>
                        Assign to agent
                      </Button>
                      <Button variant="ghost" onClick={() => assign(n, true)} disabled={pending}>
                        Assign by hand
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          {pasted && <UrlsToPaste urls={pasted.urls} phoneNumber={pasted.phoneNumber} />}

          <form
            onSubmit={assignNewByHand}
            aria-label="Assign a number by hand"
            className="rounded-lg border border-slate-200 p-4"
            noValidate
          >
            <h4 className="mb-1 text-sm font-semibold">Assign a number by hand</h4>
            <p className="mb-3 text-xs text-slate-500">
              For a number this server cannot list (or to set the URLs yourself): Switchboard records which agent it
              serves and shows the URLs to paste into Twilio&apos;s console.
            </p>
            {handErrors._form && (
              <p role="alert" className="mb-3 text-sm text-red-700">
                {handErrors._form}
              </p>
            )}
            <div className="grid grid-cols-2 gap-3">
              <div>
                <label htmlFor="hand-number" className="mb-1 block text-sm font-medium">
                  Number
                </label>
                <input
                  id="hand-number"
                  value={byHand.phoneNumber}
                  placeholder="+14155550123"
                  onChange={(e) => setByHand({ ...byHand, phoneNumber: e.target.value })}
                  aria-invalid={handErrors.phoneNumber ? true : undefined}
                  aria-describedby={describedBy("hand-number", handErrors.phoneNumber)}
                  className={inputClass}
                />
                <FieldMessages id="hand-number" error={handErrors.phoneNumber} />
              </div>
              <div>
                <label htmlFor="hand-agent" className="mb-1 block text-sm font-medium">
                  Agent
                </label>
                <select
                  id="hand-agent"
                  value={byHand.agentId}
                  onChange={(e) => setByHand({ ...byHand, agentId: e.target.value })}
                  className={inputClass}
                >
                  {agents.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <Button type="submit" className="mt-3" disabled={pending}>
              Assign by hand
            </Button>
          </form>
          {urls && !pasted && (
            <p className="text-xs text-slate-500">
              Every number uses the same URLs: <span className="font-mono">{urls.voiceUrl}</span> and{" "}
              <span className="font-mono">{urls.statusCallback}</span>.
            </p>
          )}
        </div>
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
