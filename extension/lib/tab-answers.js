// The answer for each tab, kept in storage.session (gone when the browser closes) by the background and read by
// the popup. One entry per tab, under "tab:<id>":
//   { url, state: "pending" | "ready" | "error", run, source: "background" | "popup",
//     answer?, detection?, page?: {url, lang}, detailsErrors?, error?, at }
// `url` is the tab's URL as the browser reported it (sender.tab.url or tabs.get), never a URL a page sent; the
// popup uses an entry only while the tab still shows that URL. `run` tells an analysis that was overtaken (the tab
// reloaded meanwhile) not to overwrite the newer one. `detection` (Python's, beside the answer) and `page` are what a
// re-plan needs (api op "plan").
import { api } from "./platform.js";

/**
 * @typedef {object} TabAnswer
 * @property {string} url
 * @property {"pending" | "ready" | "error"} state
 * @property {number} [run]
 * @property {"background" | "popup"} [source]
 * @property {any} [answer]
 * @property {object} [detection]
 * @property {{url: string, lang: string}} [page]
 * @property {object} [detailsErrors]
 * @property {string} [error]
 * @property {number} at
 */

const key = (tabId) => `tab:${tabId}`;

/** @returns {Promise<TabAnswer | null>} */
export async function readAnswer(tabId) {
  const entry = (await api.storage.session.get(key(tabId)))[key(tabId)];
  return /** @type {TabAnswer | undefined} */ (entry) ?? null;
}

export function writeAnswer(tabId, entry) {
  return api.storage.session.set({ [key(tabId)]: { ...entry, at: Date.now() } });
}

export function forgetAnswer(tabId) {
  return api.storage.session.remove(key(tabId));
}

const updates = new Map();

/**
 * Read-modify-write one tab's entry, one change at a time per tab (the background gets "page-loading",
 * "page-ready", tab updates and the popup's answers concurrently). `change(current)` returns the new entry, null to
 * forget it, or undefined to leave it. Resolves to the entry as it then is.
 */
export function updateAnswer(tabId, change) {
  const apply = async () => {
    const current = await readAnswer(tabId);
    const next = change(current);
    if (next === undefined) return current;
    if (next === null) {
      await forgetAnswer(tabId);
      return null;
    }
    await writeAnswer(tabId, next);
    return next;
  };
  const result = (updates.get(tabId) ?? Promise.resolve()).then(apply, apply);
  updates.set(tabId, result.catch(() => {}));
  return result;
}

/** Whether an entry belongs to the page the tab shows now (a change of #fragment keeps the same page). */
export function samePage(entry, tabUrl) {
  const strip = (url) => String(url ?? "").split("#")[0];
  return Boolean(entry && tabUrl && strip(entry.url) === strip(tabUrl));
}

/**
 * Resolve with the tab's entry once it is no longer pending (or null after `timeoutMs`, or when the tab moves on).
 * The background writes the entry; storage.onChanged tells every extension page.
 * @returns {Promise<TabAnswer | null>}
 */
export function waitForAnswer(tabId, tabUrl, timeoutMs) {
  return new Promise((resolve) => {
    /** @param {TabAnswer | null} entry */
    const done = (entry) => {
      clearTimeout(timer);
      api.storage.onChanged.removeListener(listener);
      resolve(entry);
    };
    const listener = (changes, area) => {
      const entry = changes[key(tabId)]?.newValue;
      if (area !== "session" || !(key(tabId) in changes)) return;
      if (!samePage(entry, tabUrl)) return done(null);
      if (entry.state !== "pending") done(entry);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    api.storage.onChanged.addListener(listener);
    readAnswer(tabId).then((entry) => {
      if (!samePage(entry, tabUrl)) done(null);
      else if (entry.state !== "pending") done(entry);
    });
  });
}
