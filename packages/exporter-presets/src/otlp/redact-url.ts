/**
 * A URL fit for a log line: user info and query string removed (they may carry credentials).
 * Unparseable input is reported as such rather than echoed.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
    parsed.username = "";
    parsed.password = "";
    parsed.search = "";
    parsed.hash = "";
    return parsed.href;
  } catch {
    return "(unparseable URL)";
  }
}
