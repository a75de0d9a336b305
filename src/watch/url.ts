// Page and feed addresses: one spelling per page, so that a page listed twice (with a tracking
// parameter, a fragment, an upper-case host) is fetched and stored once.

/** Query parameters that only say where a click came from; they never change the page. */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i;

export function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The canonical spelling of an http(s) URL: no fragment, no tracking parameters, default port and
 * host case as URL normalises them. Null for anything that is not an http(s) URL. `base` resolves a
 * relative link (a feed's links are relative to the feed's own address).
 */
export function normalizeUrl(text: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(text.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  // Rewritten only when there is something to drop: re-serialising a query can change its escaping.
  const keys = [...u.searchParams.keys()];
  if (keys.some((k) => TRACKING_PARAM.test(k))) {
    for (const key of keys) if (TRACKING_PARAM.test(key)) u.searchParams.delete(key);
    if (u.search === '?') u.search = '';
  }
  return u.toString();
}

/** host[:port] of a URL: the unit of politeness (one request at a time, a delay between them). */
export function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}
