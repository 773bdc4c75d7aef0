/** Joins a base URL and a path with exactly one slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** The URL with `https://` prepended when it has no scheme. */
export function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}

/** The lower-cased host name of a URL (scheme optional); the input lower-cased when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(withScheme(url)).hostname.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** Whether the URL names this machine (`localhost`, `127.x.x.x`, `[::1]`). */
export function isLoopback(url: string): boolean {
  const host = hostOf(url);
  return host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]";
}

/** Brackets a bare IPv6 address for use in a URL. */
export function formatHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
