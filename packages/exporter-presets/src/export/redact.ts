/** Header names whose values are credentials. */
const SECRET_HEADER = /auth|key|token|secret|password|team|cookie/i;
/** Shortest value treated as a secret (shorter ones are flags such as `dd-otlp-source: llmobs`). */
const MIN_SECRET_LENGTH = 6;
/** Every secret a preset was configured with in this process, for {@link redactKnownSecrets}. */
const known = new Set<string>();

/**
 * The secret values carried by a set of headers: the values of credential headers (by name), plus
 * the token of `Bearer <token>`, `Basic <base64>` and the `user:password` it decodes to, and each
 * half of that pair; so that none of them can be echoed into a log line. They are also remembered
 * for {@link redactKnownSecrets}.
 */
export function secretsOf(headers: Iterable<readonly [string, string]>): string[] {
  const out = new Set<string>();
  const add = (value: string | undefined) => {
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH) out.add(value);
  };
  for (const [name, value] of headers) {
    if (!SECRET_HEADER.test(name)) continue;
    add(value);
    const [, scheme, token] = /^(\w+)\s+(.+)$/.exec(value) ?? [];
    add(token);
    if (scheme?.toLowerCase() === "basic" && token !== undefined) {
      const decoded = Buffer.from(token, "base64").toString("utf8");
      add(decoded);
      for (const part of decoded.split(":")) add(part);
    }
  }
  for (const secret of out) known.add(secret);
  // Longest first, so that a value containing another is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of each secret replaced by `[REDACTED]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join("[REDACTED]");
  return out;
}

/** `text` with every secret any preset of this process was configured with replaced by `[REDACTED]`. */
export function redactKnownSecrets(text: string): string {
  if (known.size === 0) return text;
  return redact(text, [...known].sort((a, b) => b.length - a.length));
}
