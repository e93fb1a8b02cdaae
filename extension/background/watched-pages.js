// Pages the popup has analysed are re-checked in the background too, the next time they load: their URLs (host and
// path) join a content script registered at run time with the same announcer the manifest declares for Amazon's
// account pages (content/announce.js). Only pages inside the host permissions qualify (the release build: Amazon's
// own sites); the list lives for the browser session and keeps the most recent few.
import { api } from "../lib/platform.js";

const SCRIPT_ID = "hold-guide-analysed-pages";
const KEY = "analysedPages";
const MAX_PAGES = 20;

/** Watch the page at `url` (the tab's URL as the browser reports it). */
export async function watchPage(url) {
  const pattern = pagePattern(url);
  if (!pattern || declaredFor(url) || !(await api.permissions.contains({ origins: [pattern] }))) return;
  const stored = (await api.storage.session.get(KEY))[KEY];
  /** @type {string[]} */
  const known = Array.isArray(stored) ? stored : [];
  if (known.includes(pattern)) return;
  const patterns = [...known, pattern].slice(-MAX_PAGES);
  await api.storage.session.set({ [KEY]: patterns });
  try {
    await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => {});
    await api.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: patterns,
        js: ["content/announce.js"],
        runAt: "document_start",
        persistAcrossSessions: false,
      },
    ]);
  } catch (error) {
    console.warn("cannot watch analysed pages", error);
  }
}

/** `https://host/path*` for an http(s) URL (query and fragment dropped), else null. */
function pagePattern(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return `${parsed.protocol}//${parsed.hostname}${parsed.pathname}*`;
}

/** Whether the manifest's content script already covers `url` (no need to announce it twice). */
function declaredFor(url) {
  const declared = api.runtime.getManifest().content_scripts?.flatMap((script) => script.matches) ?? [];
  return declared.some((pattern) => patternToRegExp(pattern).test(url));
}

/** A match pattern of the simple form our lists use (scheme and host written out, `*` anywhere) as a RegExp. */
function patternToRegExp(pattern) {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`);
}
