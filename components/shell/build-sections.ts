/** The Build menu lists only sections that work; add a section here when its page ships. */
export const BUILD_SECTIONS = [
  { segment: "flows", label: "Flows", description: "Conversation flows drawn on a canvas" },
  { segment: "simulator", label: "Simulator", description: "Call the agent from the browser and see the SIP" },
  { segment: "handoffs", label: "Call Handoffs", description: "Where calls go when the agent cannot help" },
  { segment: "functions", label: "Functions", description: "Python the agent runs during a call" },
  {
    segment: "variables",
    label: "Variables",
    description: "The $variables calls carry: names, sample values, descriptions",
  },
  {
    segment: "knowledge",
    label: "Knowledge",
    description: "Topics callers may ask about at any question, answered or handed off",
  },
  {
    segment: "scenarios",
    label: "Scenarios",
    description: "Saved calls with expectations: run them after each change (regression tests)",
  },
  {
    segment: "conversations",
    label: "Conversation Review",
    description: "Stored calls: transcripts, handoffs, metrics, SIP traces and logs",
  },
  {
    segment: "versions",
    label: "Versions",
    description: "Publish the draft, compare versions, choose the live one, restore an older one",
  },
  { segment: "settings", label: "Settings", description: "Workspace settings: API keys" },
] as const;
