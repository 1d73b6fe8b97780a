"use client";

import { useState, useTransition } from "react";
import { createFirstAdminAction } from "@/app/sign-in/actions";
import { Button } from "@/components/ui/Button";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { AuthField, FormError } from "./AuthField";

export function FirstAdminForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [values, setValues] = useState({ name: "", email: "" });
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setValues({ name: input.name, email: input.email });
    startTransition(async () => {
      const result = await createFirstAdminAction(input);
      if (result && !result.ok) setErrors(result.fieldErrors);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Create the admin account" noValidate>
      <FormError message={errors._form} />
      <AuthField id="name" label="Name" autoComplete="name" error={errors.name} defaultValue={values.name} />
      <AuthField
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email}
        defaultValue={values.email}
      />
      <AuthField id="password" label="Password" type="password" autoComplete="new-password" error={errors.password} />
      <p className="text-xs text-slate-500">At least {MIN_PASSWORD_LENGTH} characters.</p>
      <Button variant="primary" type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
