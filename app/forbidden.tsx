import Link from "next/link";

/** A signed-in member opened a page their role may not see (403). */
export default function Forbidden() {
  return (
    <main className="mx-auto mt-24 max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-2 text-xl font-semibold">You do not have access to this page</h1>
      <p className="mb-6 text-sm text-slate-600">
        Your role does not include it. An admin can change your role in Settings → Members.
      </p>
      <Link href="/" className="text-sm font-medium text-brand-700 underline">
        Go to your agents
      </Link>
    </main>
  );
}
