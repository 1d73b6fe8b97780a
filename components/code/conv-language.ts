"use client";

import {
  CONV_MEMBERS,
  LOG_MEMBERS,
  findMember,
  memberMarkdown,
  memberSignature,
  type ConvMember,
} from "@/lib/functions/conv-api";
import type { Monaco } from "./load-monaco";

let registered = false;

/** The `conv.` / `conv.log.` expression ending right before `column` on a line, if any. */
function ownerBefore(text: string): "conv" | "conv.log" | null {
  if (/\bconv\s*\.\s*log\s*\.\s*\w*$/.test(text)) return "conv.log";
  if (/\bconv\s*\.\s*\w*$/.test(text)) return "conv";
  return null;
}

/**
 * Completions, hovers and signature help for every `conv` member, all generated from the one API
 * description in lib/functions/conv-api.ts. Registered once per page.
 */
export function registerConvLanguage(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  const { languages } = monaco;

  languages.registerCompletionItemProvider("python", {
    triggerCharacters: ["."],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const owner = ownerBefore(line);
      if (!owner) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const members: readonly ConvMember[] = owner === "conv" ? CONV_MEMBERS : LOG_MEMBERS;
      return {
        suggestions: members.map((m, i) => {
          const required = (m.params ?? []).filter((p) => p.default === undefined && !p.variadicKeywords);
          const insertText =
            m.kind === "property"
              ? m.name
              : `${m.name}(${required.map((p, n) => `\${${n + 1}:${p.name}}`).join(", ")})$0`;
          return {
            label: { label: m.name, description: m.kind === "property" ? m.type : `→ ${m.type}` },
            kind: m.kind === "property" ? languages.CompletionItemKind.Property : languages.CompletionItemKind.Method,
            detail: memberSignature(m, owner),
            documentation: { value: memberMarkdown(m, owner) },
            insertText,
            insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet,
            sortText: String(i).padStart(3, "0"),
            range,
            command:
              m.kind === "method" ? { id: "editor.action.triggerParameterHints", title: "Parameter hints" } : undefined,
          };
        }),
      };
    },
  });

  languages.registerHoverProvider("python", {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const line = model.getLineContent(position.lineNumber);
      const before = line.slice(0, word.startColumn - 1);
      const owner = ownerBefore(before);
      const path = owner ? `${owner}.${word.word}` : word.word === "conv" ? null : null;
      if (!path) {
        if (word.word !== "conv") return null;
        return {
          range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
          contents: [
            {
              value:
                "```python\nconv: Conv\n```\n\nThe conversation this function runs in. Type `conv.` for its members.",
            },
          ],
        };
      }
      const found = findMember(path);
      if (!found) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [{ value: memberMarkdown(found.member, found.owner) }],
      };
    },
  });

  languages.registerSignatureHelpProvider("python", {
    signatureHelpTriggerCharacters: ["(", ","],
    signatureHelpRetriggerCharacters: [","],
    provideSignatureHelp(model, position) {
      const text = model.getValueInRange(
        new monaco.Range(Math.max(1, position.lineNumber - 10), 1, position.lineNumber, position.column),
      );
      // Find the innermost unclosed "(" and the conv member before it.
      let depth = 0;
      let commas = 0;
      for (let i = text.length - 1; i >= 0; i--) {
        const c = text[i];
        if (c === ")" || c === "]" || c === "}") depth++;
        else if (c === "(" || c === "[" || c === "{") {
          if (depth === 0) {
            if (c !== "(") return null;
            const m = /\b(conv(?:\s*\.\s*log)?)\s*\.\s*(\w+)\s*$/.exec(text.slice(0, i));
            if (!m) return null;
            const found = findMember(`${m[1]!.replace(/\s/g, "")}.${m[2]}`);
            if (!found || found.member.kind !== "method") return null;
            const params = found.member.params ?? [];
            const label = memberSignature(found.member, found.owner);
            const typed = text.slice(i + 1);
            const keyword = /(\w+)\s*=[^=,]*$/.exec(typed)?.[1];
            const byKeyword = keyword ? params.findIndex((p) => p.name === keyword) : -1;
            return {
              value: {
                signatures: [
                  {
                    label,
                    documentation: { value: found.member.doc },
                    parameters: params.map((p) => ({
                      label: p.variadicKeywords ? `**${p.name}` : p.name,
                      documentation: { value: p.doc },
                    })),
                  },
                ],
                activeSignature: 0,
                activeParameter: byKeyword >= 0 ? byKeyword : Math.min(commas, params.length - 1),
              },
              dispose() {},
            };
          }
          depth--;
        } else if (c === "," && depth === 0) commas++;
      }
      return null;
    },
  });
}
