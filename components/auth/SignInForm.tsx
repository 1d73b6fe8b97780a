"use client";

import { useState, useTransition } from "react";
import { signInAction } from "@/app/sign-in/actions";
import { Button } from "@/components/ui/Button";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { AuthField, FormError } from "./AuthField";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [email, setEmail] = useState("");
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setEmail(input.email);
    startTransition(async () => {
      // On success the action redirects; only a refusal comes back.
      const result = await signInAction(input, returnTo);
      if (result && !result.ok) setErrors(result.fieldErrors);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Sign in" noValidate>
      <FormError message={errors._form} />
      <AuthField
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email}
        defaultValue={email}
      />
      <AuthField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password}
      />
      <Button variant="primary" type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
