"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  changeMemberRoleAction,
  createMemberAction,
  removeMemberAction,
} from "@/app/agents/[agentId]/settings/members/actions";
import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { PERMISSIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import type { Member } from "@/lib/auth/types";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { formatUtc } from "@/lib/time/utc";

const EMPTY = { email: "", name: "", role: "designer" as Role, password: "" };

/** What each role may do, in one line, beside the role picker. */
function roleHint(role: Role): string {
  return Object.entries(PERMISSIONS)
    .filter(([name, p]) => name !== "view" && (p.roles as readonly Role[]).includes(role))
    .map(([name]) => name)
    .join(", ");
}

export function MembersPanel({ members, viewerId }: { members: Member[]; viewerId: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [pending, startTransition] = useTransition();

  function add(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const result = await createMemberAction(draft);
      if (!result.ok) {
        setErrors({ ...result.fieldErrors, ...(result.formError ? { _form: result.formError } : {}) });
        return;
      }
      setErrors({});
      setDraft(EMPTY);
      setNotice(`Added ${result.member?.email}. Give them their password; they can sign in now.`);
      router.refresh();
    });
  }

  function changeRole(member: Member, role: Role) {
    startTransition(async () => {
      const result = await changeMemberRoleAction(member.id, role);
      setNotice(
        result.ok
          ? `${member.name} is now ${ROLE_LABELS[role]}; it applies to their next request`
          : (result.formError ?? Object.values(result.fieldErrors)[0] ?? "Could not change the role"),
      );
      router.refresh();
    });
  }

  const field = (name: keyof typeof EMPTY, label: string, type = "text", autoComplete = "off") => (
    <div>
      <label htmlFor={`member-${name}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={`member-${name}`}
        type={type}
        autoComplete={autoComplete}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(`member-${name}`, errors[name])}
        className={inputClass}
      />
      <FieldMessages id={`member-${name}`} error={errors[name]} />
    </div>
  );

  return (
    <section aria-labelledby="members-heading" className="space-y-6">
      <div>
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Who can sign in, and what their role lets them do. A role change applies to their next request; removing a
          member ends their sessions and stops their API keys at once.
        </p>
      </div>

      <form onSubmit={add} aria-label="Add member" className="rounded-lg border border-slate-200 p-4" noValidate>
        <h3 className="mb-3 text-sm font-semibold">Add a member</h3>
        {errors._form && (
          <p role="alert" data-testid="form-error" className="mb-3 text-sm text-red-700">
            {errors._form}
          </p>
        )}
        <div className="grid grid-cols-2 gap-3">
          {field("email", "Email", "email")}
          {field("name", "Name")}
          <div>
            <label htmlFor="member-role" className="mb-1 block text-sm font-medium">
              Role
            </label>
            <select
              id="member-role"
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
              className={inputClass}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <p className="mt-1 text-xs text-slate-500">May: {roleHint(draft.role)}</p>
          </div>
          <div>
            {field("password", "Initial password", "password", "new-password")}
            {!errors.password && (
              <p className="mt-1 text-xs text-slate-500">At least {MIN_PASSWORD_LENGTH} characters; pass it on.</p>
            )}
          </div>
        </div>
        <Button variant="primary" type="submit" disabled={pending} className="mt-4">
          Add member
        </Button>
      </form>

      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>

      <table className="w-full text-left text-sm" data-testid="member-table">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-semibold">Name</th>
            <th className="py-2 pr-3 font-semibold">Email</th>
            <th className="py-2 pr-3 font-semibold">Role</th>
            <th className="py-2 pr-3 font-semibold">Added</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} className="border-b border-slate-100" data-testid="member-row" data-email={m.email}>
              <td className="py-2 pr-3 font-medium">
                {m.name}
                {m.id === viewerId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
              </td>
              <td className="py-2 pr-3">{m.email}</td>
              <td className="py-2 pr-3">
                <select
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  disabled={pending}
                  onChange={(e) => changeRole(m, e.target.value as Role)}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-2 pr-3">
                <time dateTime={m.createdAt}>{formatUtc(m.createdAt, "minute")}</time>
              </td>
              <td className="py-2 text-right">
                {m.id !== viewerId && (
                  <Button
                    variant="ghost"
                    className="text-red-700"
                    onClick={() => setRemoving(m)}
                    aria-label={`Remove ${m.email}`}
                  >
                    Remove
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {removing && (
        <Modal
          title={`Remove ${removing.name}?`}
          onClose={() => setRemoving(null)}
          testId="remove-member-dialog"
          footer={
            <>
              <Button onClick={() => setRemoving(null)}>Cancel</Button>
              <Button
                variant="danger"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const target = removing;
                    const result = await removeMemberAction(target.id);
                    setRemoving(null);
                    setNotice(result.ok ? `Removed ${target.email}` : (result.formError ?? "Could not remove"));
                    router.refresh();
                  })
                }
              >
                Remove member
              </Button>
            </>
          }
        >
          <p className="text-sm">
            {removing.email} will be signed out everywhere and their API keys will stop working. What they changed stays
            in the audit log.
          </p>
        </Modal>
      )}
    </section>
  );
}
