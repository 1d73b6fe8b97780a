import { z } from "zod";

// Runs in the browser before the app's modules. Pages forbid eval (Content-Security-Policy in
// proxy.ts); zod would probe for it with `new Function("")` when it builds its first object
// schema, and the browser reports that probe as a violation even though zod catches it. Without
// the probe zod parses the same way, only without its compiled fast path.
z.config({ jitless: true });
