/**
 * Runs once when a server process starts. When a Twilio number serves an agent, the process warms
 * its Python pool now: loading Pyodide takes seconds, and Twilio waits at most 15 s for a webhook.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmPythonForCalls } = await import("./telephony/warm");
  warmPythonForCalls();
}
