"use client";

import { createContext, useContext } from "react";

/** Static facts about the editor instance (which agent and flow), for actions and links. */
export interface EditorMeta {
  agentId: string;
  flowId: string;
  /** A role that may not edit flows: no palette, no dragging or connecting, inspector fields disabled. */
  readOnly: boolean;
}

const MetaContext = createContext<EditorMeta | null>(null);
export const EditorMetaProvider = MetaContext.Provider;

export function useEditorMeta(): EditorMeta {
  const meta = useContext(MetaContext);
  if (!meta) throw new Error("useEditorMeta must be used inside <EditorMetaProvider>");
  return meta;
}
