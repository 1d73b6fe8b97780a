/**
 * Who a version made in the studio is by. There is no sign-in yet, so every studio user is the
 * same author; the CLI writes "CLI" and the API the key's name.
 */
export function studioAuthor(): string {
  return "Studio";
}
