// The ONLY place where Chrome and Firefox differ.
//
// Firefox exposes the promise-based `browser` namespace and, since MV3, `chrome` too; Chrome only `chrome`.
export const api = globalThis.browser ?? globalThis.chrome;

/**
 * Where the background runs Python's module Worker. Chrome's MV3 background is a service worker, which has no
 * Worker constructor: the Worker lives in an offscreen document (reason WORKERS). Firefox (153 ESR) has no
 * offscreen API, but its MV3 background scripts run as an event page with a DOM, where the Worker runs directly.
 */
export const backgroundRunsWorkers = typeof globalThis.Worker === "function";

/**
 * Run files (paths from the extension's root) in a tab; the value of the last one's last expression (first frame).
 *
 * Firefox (measured on 153 ESR) resolves a relative `files` path against the calling page, not the extension's
 * root as Chrome does: from the popup, "content/collect.js" became popup/content/collect.js ("Unable to load
 * script") and the popup said it could not read the tab. A leading "/" means the root in both browsers.
 */
export async function runInTab(tabId, files) {
  const absolute = files.map((file) => (file.startsWith("/") ? file : `/${file}`));
  return firstResult(await api.scripting.executeScript({ target: { tabId }, files: absolute }));
}

/** Call a function in a tab with JSON-safe arguments. */
export async function callInTab(tabId, func, args) {
  return firstResult(await api.scripting.executeScript({ target: { tabId }, func, args }));
}

/**
 * Firefox (153 ESR) reports a script that failed to load or threw as `{error}` in the result instead of
 * rejecting, as Chrome does; throw it so both browsers fail the same way.
 */
/** @param {chrome.scripting.InjectionResult<any>[]} results */
function firstResult(results = []) {
  const [first] = results;
  if (first && "error" in first && first.error !== undefined) {
    throw first.error instanceof Error ? first.error : new Error(String(first.error));
  }
  return first?.result;
}

/** The tab to analyse: `?tabId=N` (a popup opened as a tab sees itself as active), else the active tab. */
export async function targetTab(search = location.search) {
  const id = Number.parseInt(new URLSearchParams(search).get("tabId") ?? "", 10);
  if (Number.isInteger(id)) return api.tabs.get(id);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The extension's own UI string (popup labels follow the browser's UI language through _locales). */
export function message(key, substitutions) {
  return api.i18n.getMessage(key, substitutions) || key;
}

/** Fill every [data-i18n] element of one of our pages with its UI string; the page takes the UI's language and
 * direction (popup, check page, options page). */
export function localizePage(doc = document) {
  for (const node of doc.querySelectorAll("[data-i18n]")) {
    node.textContent = message(/** @type {HTMLElement} */ (node).dataset.i18n);
  }
  doc.documentElement.lang = api.i18n.getUILanguage();
  doc.documentElement.dir = message("@@bidi_dir");
}
