// The ONLY place where Chrome and Firefox differ.
//
// Firefox exposes the promise-based `browser` namespace and, since MV3, `chrome` too; Chrome only `chrome`.
export const api = globalThis.browser ?? globalThis.chrome;

/** Run a file in a tab and return the value of its last expression (first frame only). */
export async function runInTab(tabId, files) {
  const [first] = await api.scripting.executeScript({ target: { tabId }, files });
  return first?.result;
}

/** Call a function in a tab with JSON-safe arguments. */
export async function callInTab(tabId, func, args) {
  const [first] = await api.scripting.executeScript({ target: { tabId }, func, args });
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
