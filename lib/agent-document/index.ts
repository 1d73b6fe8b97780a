/** The one agent document (docs/design.md §10): import from "@/lib/agent-document". */
export * from "./schema";
export * from "./document-rules";
export * from "./canonical";
export * from "./build";
export * from "./parse";
export * from "./runnable";
