"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/agents/[agentId]/settings/actions";
import type { ApiKey } from "@/lib/api/keys";
import { formatUtc } from "@/lib/time/utc";

export function ApiKeysPanel({ keys, agentId, showOwners }: { keys: ApiKey[]; agentId: string; showOwners: boolean }) {
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function create(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const result = await createApiKeyAction(name);
      if (!result.ok) {
        setNameError(result.fieldErrors.name ?? result.formError);
        return;
      }
      setNameError(undefined);
      setName("");
      setCopied(false);
      setCreated({ key: result.key, name: result.apiKey.name });
      setNotice(null);
    });
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      setNotice("Copying is blocked here; select the key and copy it by hand");
    }
  }

  return (
    <section aria-labelledby="api-keys-heading" className="space-y-5">
      <div>
        <h2 id="api-keys-heading" className="text-lg font-semibold">
          API keys
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Keys let scripts and CI call the REST API at <code className="font-mono">/api/v1</code> with{" "}
          <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. A key acts as the member who made it,
          with their role, for every agent in the workspace (this agent&apos;s id is{" "}
          <code className="font-mono" data-testid="agent-id">
            {agentId}
          </code>
          ). The API is described at{" "}
          <a className="text-brand-700 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </div>

      <form onSubmit={create} className="flex items-start gap-2" aria-label="Create API key">
        <div className="w-72">
          <label htmlFor="api-key-name" className="mb-1 block text-sm font-medium">
            Key name
          </label>
          <input
            id="api-key-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. CI pipeline"
            autoComplete="off"
            maxLength={80}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy("api-key-name", nameError)}
            className={inputClass}
          />
          <FieldMessages id="api-key-name" error={nameError} />
        </div>
        <Button variant="primary" type="submit" disabled={pending} className="mt-6">
          Create key
        </Button>
      </form>

      {created && (
        <div
          role="region"
          aria-label="New API key"
          data-testid="new-key-panel"
          className="rounded-lg border border-emerald-300 bg-emerald-50 p-4"
        >
          <p className="text-sm font-medium text-emerald-900">
            Key &ldquo;{created.name}&rdquo; created. Copy it now: it is shown only once and cannot be recovered.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <input
              readOnly
              aria-label="New API key"
              data-testid="new-api-key"
              value={created.key}
              onFocus={(e) => e.currentTarget.select()}
              className={`${inputClass} font-mono`}
            />
            <Button onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
            <Button variant="ghost" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      )}

      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>

      {keys.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
          {showOwners ? "No API keys yet" : "You have no API keys yet"}. Create one above, or run{" "}
          <code className="font-mono">npm run cli -- apikey create --name NAME --user EMAIL</code>.
        </div>
      ) : (
        <table className="w-full text-left text-sm" data-testid="api-key-table">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-semibold">Name</th>
              <th className="py-2 pr-3 font-semibold">Key</th>
              {showOwners && <th className="py-2 pr-3 font-semibold">Owner</th>}
              <th className="py-2 pr-3 font-semibold">Created</th>
              <th className="py-2 pr-3 font-semibold">Last used</th>
              <th className="py-2 pr-3 font-semibold">Status</th>
              <th className="py-2" />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className="border-b border-slate-100" data-testid="api-key-row" data-name={k.name}>
                <td className="py-2 pr-3 font-medium">{k.name}</td>
                <td className="py-2 pr-3 font-mono text-slate-600">{k.prefix}…</td>
                {showOwners && (
                  <td className="py-2 pr-3" data-testid="key-owner" title={k.owner?.email}>
                    {k.owner ? k.owner.name : "(no owner)"}
                  </td>
                )}
                <td className="py-2 pr-3">
                  <time dateTime={k.createdAt}>{formatUtc(k.createdAt, "minute")}</time>
                </td>
                <td className="py-2 pr-3" data-testid="last-used">
                  {k.lastUsedAt ? <time dateTime={k.lastUsedAt}>{formatUtc(k.lastUsedAt, "minute")}</time> : "Never"}
                </td>
                <td className="py-2 pr-3">
                  {k.revokedAt ? (
                    <Badge tone="slate" data-testid="key-status" title={`Revoked ${formatUtc(k.revokedAt, "minute")}`}>
                      Revoked
                    </Badge>
                  ) : (
                    <Badge tone="green" data-testid="key-status">
                      Active
                    </Badge>
                  )}
                </td>
                <td className="py-2 text-right">
                  {!k.revokedAt && (
                    <Button
                      variant="ghost"
                      className="text-red-700"
                      onClick={() => setRevoking(k)}
                      aria-label={`Revoke ${k.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {revoking && (
        <Modal
          title={`Revoke ${revoking.name}?`}
          onClose={() => setRevoking(null)}
          testId="revoke-dialog"
          footer={
            <>
              <Button onClick={() => setRevoking(null)}>Cancel</Button>
              <Button
                variant="danger"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const target = revoking;
                    const result = await revokeApiKeyAction(target.id);
                    setRevoking(null);
                    setNotice(result.ok ? `Revoked ${target.name}` : result.formError);
                  })
                }
              >
                Revoke key
              </Button>
            </>
          }
        >
          <p className="text-sm">
            Requests with <span className="font-mono">{revoking.prefix}…</span> will be refused from now on (401).
            Scripts and CI jobs that use it stop working. This cannot be undone.
          </p>
        </Modal>
      )}
    </section>
  );
}
