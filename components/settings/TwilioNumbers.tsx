"use client";

import { useRouter } from "next/navigation";
import { useState, type TransitionStartFunction } from "react";
import {
  assignTwilioNumberAction,
  refreshTwilioNumbersAction,
} from "@/app/agents/[agentId]/settings/telephony/actions";
import { Button } from "@/components/ui/Button";
import { CopyButton } from "@/components/ui/CopyButton";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import type { NumberUrls, TwilioNumber } from "@/lib/telephony/account";
import type { TelephonyActionResult } from "@/lib/telephony/action-results";
import type { FieldErrors } from "@/lib/validation/field-errors";

export interface AgentOption {
  id: string;
  name: string;
}

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

/**
 * Settings → Telephony's numbers, once Twilio is connected: list them from Twilio, assign each to an
 * agent (through Twilio, or by hand with the URLs to paste), or assign a number Twilio cannot list.
 * The panel's pending state, notice and `run` are shared, so one action at a time disables both parts.
 */
export function TwilioNumbers({
  urls,
  numbers,
  agents,
  pending,
  startTransition,
  run,
  onNotice,
}: {
  urls: NumberUrls | null;
  numbers: TwilioNumber[];
  agents: AgentOption[];
  pending: boolean;
  startTransition: TransitionStartFunction;
  run: (action: () => Promise<TelephonyActionResult>, after?: (r: TelephonyActionResult) => void) => void;
  onNotice: (text: string) => void;
}) {
  const router = useRouter();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [byHand, setByHand] = useState({ phoneNumber: "", agentId: agents[0]?.id ?? "" });
  const [handErrors, setHandErrors] = useState<FieldErrors>({});
  const [pasted, setPasted] = useState<{ urls: NumberUrls; phoneNumber: string } | null>(null);

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
      onNotice(r.message);
      if (r.urls) setPasted({ urls: r.urls, phoneNumber: byHand.phoneNumber.trim() });
      setByHand({ ...byHand, phoneNumber: "" });
      router.refresh();
    });
  }

  return (
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
          For a number this server cannot list (or to set the URLs yourself): Switchboard records which agent it serves
          and shows the URLs to paste into Twilio&apos;s console.
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
  );
}
