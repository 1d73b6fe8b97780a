/**
 * Small line icons for the Build menu, shown alone when the menu is collapsed (narrow windows).
 * Decorative: the link's text stays for screen readers.
 */
const PATHS: Record<string, string> = {
  // Three nodes joined: a flow.
  flows: "M5 4h4v4H5zM11 12h4v4h-4zM3 12h4v4H3zM7 8v4M7 8l6 4",
  // A telephone handset.
  simulator: "M4 3h3l1.5 4-2 1.2a9 9 0 0 0 5.3 5.3L13 11.5l4 1.5v3a1 1 0 0 1-1 1A13 13 0 0 1 3 4a1 1 0 0 1 1-1z",
  // An arrow leaving a box: a call handed off.
  handoffs: "M9 4H4v12h5M8 10h9M14 7l3 3-3 3",
  // A dollar sign: $variables.
  variables:
    "M13.5 6.5C13 5.3 11.7 4.5 10 4.5c-2 0-3.5 1-3.5 2.7 0 3.6 7 1.9 7 5.6 0 1.7-1.5 2.7-3.5 2.7-1.8 0-3.1-.8-3.6-2M10 2.5v15",
  // An open book: knowledge topics.
  knowledge: "M10 5.5C8.5 4.3 6 4 3 4.5v10c3-.5 5.5-.2 7 1 1.5-1.2 4-1.5 7-1v-10c-3-.5-5.5-.2-7 1zM10 5.5v10",
  // A checklist: scenarios (regression tests).
  scenarios: "M3 5l1.5 1.5L7 4M3 10l1.5 1.5L7 9M3 15l1.5 1.5L7 14M9.5 5.5H17M9.5 10.5H17M9.5 15.5H17",
  // Code brackets.
  functions: "M7 5l-4 5 4 5M13 5l4 5-4 5",
  // A speech bubble.
  conversations: "M3 5h14v8H9l-4 3v-3H3z",
  // A clock with a back arrow: history.
  versions: "M10 5v5l3 2M3.5 10a6.5 6.5 0 1 0 2-4.7M3 3v3.5h3.5",
  // Sliders.
  settings: "M4 5h12M4 10h12M4 15h12M7 3.5v3M13 8.5v3M9 13.5v3",
};

export function BuildNavIcon({ segment, label }: { segment: string; label: string }) {
  const d = PATHS[segment];
  if (!d) {
    return (
      <span
        aria-hidden
        className="flex h-5 w-5 shrink-0 items-center justify-center rounded border border-current text-[11px] font-semibold"
      >
        {label.charAt(0)}
      </span>
    );
  }
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className="h-5 w-5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}
