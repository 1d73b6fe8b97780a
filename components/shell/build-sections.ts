/** The Build menu lists only sections that work; add a section here when its page ships. */
export const BUILD_SECTIONS = [
  { segment: "handoffs", label: "Call Handoffs", description: "Where calls go when the agent cannot help" },
  { segment: "settings", label: "Settings", description: "Workspace settings: API keys" },
] as const;
