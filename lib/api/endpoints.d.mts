export const API_ENDPOINTS: Readonly<Record<string, readonly string[]>>;
export const ROUTED_METHODS: readonly string[];
export function matchEndpoint(pathname: string): string | null;
export function allowedMethods(template: string): string[];
export function refuseApiMethod(
  method: string,
  pathname: string,
): { status: number; headers: Record<string, string>; body: string } | null;
