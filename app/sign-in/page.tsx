import { redirect } from "next/navigation";
import { needsFirstAdmin } from "@/auth/sign-in";
import { currentViewer } from "@/auth/viewer";
import { FirstAdminForm } from "@/components/auth/FirstAdminForm";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeReturnPath } from "@/lib/auth/return-path";

export const dynamic = "force-dynamic";

/**
 * The one public page. On a fresh database it creates the admin account; afterwards sign-up is
 * closed and it only signs members in. Someone already signed in goes on to where they were headed.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : undefined);
  const firstRun = needsFirstAdmin();
  if (!firstRun && (await currentViewer())) redirect(returnTo);
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <p className="mb-4 text-sm font-semibold text-brand-700">Switchboard</p>
      {firstRun ? (
        <>
          <h1 className="mb-1 text-xl font-semibold">Create the admin account</h1>
          <p className="mb-6 text-sm text-slate-600">
            This is a new Switchboard. The first account is the admin, who adds everyone else in Settings → Members.
          </p>
          <FirstAdminForm />
        </>
      ) : (
        <>
          <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
          <SignInForm returnTo={returnTo} />
        </>
      )}
    </main>
  );
}
