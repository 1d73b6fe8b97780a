/** What saving a finished simulated call returns to the simulator. */
export type SaveCallResult = { ok: true; id: string } | { ok: false; error: string };
