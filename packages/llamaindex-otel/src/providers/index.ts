import { loadPeer } from "../load-peer";
import type { Patcher } from "../patcher";
import { patchOpenAI } from "./openai";

/**
 * Provider packages whose LLM and embedding classes get `chat` / `getTextEmbedding` spans, each
 * loaded from the app only if installed. Adding a provider is one line here plus one file.
 */
const PROVIDER_PACKAGES: ReadonlyArray<readonly [specifier: string, patch: (mod: Record<string, unknown>, patcher: Patcher) => void]> = [
  ["@llamaindex/openai", patchOpenAI],
];

/** Patches every installed provider package. */
export function patchProviders(patcher: Patcher): void {
  for (const [specifier, patch] of PROVIDER_PACKAGES) loadPeer(specifier, (mod) => patch(mod, patcher));
}
