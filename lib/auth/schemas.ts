import { z } from "zod";
import { ROLES, ROLE_LABELS } from "./roles";

// The limits better-auth is configured with (auth/better-auth.ts), so the form says what the library would refuse.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** Emails are compared lower-cased (better-auth stores them that way). */
export const emailSchema = z
  .string({ error: "Enter an email address" })
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "Enter an email address")
      .max(254, "Email addresses are at most 254 characters")
      .pipe(z.email({ error: "Enter an email address like name@example.com" })),
  );

export const personNameSchema = z
  .string({ error: "Enter a name" })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "Enter a name").max(80, "Names are at most 80 characters"));

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Passwords are at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Passwords are at most ${MAX_PASSWORD_LENGTH} characters`);

export const roleSchema = z.enum(ROLES, {
  error: `Choose a role: ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(", ")}`,
});

/** A new member (Settings → Members, the CLI, the first-run form with role fixed to admin). */
export const newUserSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  role: roleSchema,
});
export type NewUser = z.output<typeof newUserSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Any non-empty password is checked by the library; length rules apply when one is set, not here.
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(MAX_PASSWORD_LENGTH, "Wrong email or password"),
});

export const firstAdminSchema = newUserSchema.omit({ role: true });
