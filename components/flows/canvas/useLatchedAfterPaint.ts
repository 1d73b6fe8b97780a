import { useEffect, useState } from "react";

/**
 * False until `ready` has been true for one painted frame, then true for good. Secondary work (the
 * minimap, then lint) keyed on it runs after the frame that shows the canvas, never before it.
 */
export function useLatchedAfterPaint(ready: boolean): boolean {
  const [latched, setLatched] = useState(false);
  useEffect(() => {
    if (!ready || latched) return;
    // rAF runs just before the frame's paint; the timeout, just after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setLatched(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, latched]);
  return latched;
}
