import { readFileSync } from "node:fs";
import { CONTENT_SETTINGS, defineSettings, parseBoolean, readEnv, readmeSettingsBlock, resolveSetting, resolveSettings, settingsMarkdown } from "@genai-otel/core-semconv/internal";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.unstubAllEnvs());

describe("parseBoolean", () => {
  it("reads true/1/yes and false/0/no in any case, and nothing else", () => {
    for (const raw of ["true", "TRUE", " 1 ", "yes", "Yes"]) expect(parseBoolean(raw), raw).toBe(true);
    for (const raw of ["false", "False", "0", "no", "NO "]) expect(parseBoolean(raw), raw).toBe(false);
    for (const raw of ["", "on", "2", "y", "truthy"]) expect(parseBoolean(raw), raw).toBeUndefined();
  });
});

describe("readEnv", () => {
  it("trims and treats blank as unset", () => {
    vi.stubEnv("GENAI_OTEL_TEST_VAR", "  x ");
    expect(readEnv("GENAI_OTEL_TEST_VAR")).toBe("x");
    vi.stubEnv("GENAI_OTEL_TEST_VAR", "   ");
    expect(readEnv("GENAI_OTEL_TEST_VAR")).toBeUndefined();
  });

  it("returns undefined where there is no process (Workers, Vercel Edge)", () => {
    vi.stubEnv("GENAI_OTEL_TEST_VAR", "set");
    vi.stubGlobal("process", undefined);
    try {
      expect(readEnv("GENAI_OTEL_TEST_VAR")).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("reads Deno.env where there is no process, and survives a denied permission", () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("Deno", { env: { get: (name: string) => (name === "A" ? " deno " : undefined) } });
    try {
      expect(readEnv("A")).toBe("deno");
      vi.stubGlobal("Deno", { env: { get: () => { throw new Error("PermissionDenied"); } } });
      expect(readEnv("A")).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("resolveSetting", () => {
  const table = defineSettings({
    flag: { option: "flag", env: "GENAI_OTEL_TEST_FLAG", type: "boolean", default: false, doc: "a flag" },
    count: { option: "count", env: "GENAI_OTEL_TEST_COUNT", type: "number", default: 5, doc: "a count" },
  });

  it("takes the option over the variable over the default", () => {
    expect(resolveSetting(table.flag, undefined)).toBe(false);
    vi.stubEnv("GENAI_OTEL_TEST_FLAG", "YES");
    expect(resolveSetting(table.flag, undefined)).toBe(true);
    expect(resolveSetting(table.flag, false)).toBe(false);
    vi.stubEnv("GENAI_OTEL_TEST_COUNT", "7");
    expect(resolveSettings(table, { flag: undefined })).toEqual({ flag: true, count: 7 });
  });

  it("warns about an unparsable variable and keeps the default", async () => {
    const { diag } = await import("@opentelemetry/api");
    const warn = vi.spyOn(diag, "warn").mockImplementation(() => undefined);
    vi.stubEnv("GENAI_OTEL_TEST_COUNT", "many");
    try {
      expect(resolveSetting(table.count, undefined)).toBe(5);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('GENAI_OTEL_TEST_COUNT="many"'));
    } finally {
      warn.mockRestore();
    }
  });
});

describe("README", () => {
  it("shows the content settings table as the code declares it", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(readmeSettingsBlock(readme)).toBe(settingsMarkdown(CONTENT_SETTINGS));
  });
});
