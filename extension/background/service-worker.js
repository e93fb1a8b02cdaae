// Background: Chrome's service worker, Firefox's event page (the same file; lib/platform.js holds the difference).
//
// It makes the answer ready before the click, on Amazon's sign-in and account pages only:
//   content/announce.js (declared for those pages by build.py's match list, and registered for pages the popup
//   analysed) says "page-loading"  -> start Python (background/python-host.js: an offscreen document's Worker in
//                                     Chrome, a Worker in the event page in Firefox) and mark the answer pending;
//   then "page-ready"               -> read the page with content/collect.js, ask Python, keep the answer per tab in
//                                     storage.session (lib/tab-answers.js), show the badge (background/badge.js).
// The popup shows a kept answer at once, asks Python through here ("python"), and hands back what it found
// ("remember"). When a tab moves to another page its answer and badge go. With nothing matched nothing starts, and
// Python stops when idle (lib/worker-client.js).
//
// Every listener is registered synchronously at the top level, so an event can wake this worker.
import { api } from "../lib/platform.js";
import { forgetAnswer, samePage, updateAnswer } from "../lib/tab-answers.js";
import { analyseTab, expectAnswer, keepPopupAnswer } from "./analysis.js";
import { showBadge } from "./badge.js";
import { pythonHost } from "./python-host.js";
import "./reminders.js"; // follow-up reminders: alarms from the case logs, with the shopper's consent (issue 12)
import { watchPage } from "./watched-pages.js";
import "./context-menu.js"; // "Check with Hold Guide" on selected text and links (its own listeners)

const EXTENSION_ORIGIN = api.runtime.getURL("");

/** Messages from our content script on a page (sender.tab is the browser's, so is its URL). */
const FROM_PAGES = {
  "page-loading": (_message, { tab }) => expectAnswer(tab.id, tab.url),
  "page-ready": (_message, { tab }) => analyseTab(tab.id, tab.url),
};

/** Messages from our own pages (the popup). */
const FROM_EXTENSION = {
  python: (message) => pythonHost.call(message.request),
  remember: async (message) => {
    const url = await keepPopupAnswer(message.tabId, message);
    if (url) await watchPage(url);
  },
  "python-status": () => pythonHost.status(),
};

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.target !== "background") return false;
  const fromExtension = Boolean(sender.url?.startsWith(EXTENSION_ORIGIN));
  const fromPage = !fromExtension && sender.tab && sender.frameId === 0;
  const handler = fromPage ? FROM_PAGES[message.type] : fromExtension && FROM_EXTENSION[message.type];
  if (!handler) return false;
  Promise.resolve(handler(message, sender))
    .then((result) => sendResponse(result ?? null))
    .catch((error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
  return true; // answered asynchronously
});

api.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === "loading" || change.url !== undefined) forgetIfMoved(tabId, tab.url);
});

api.tabs.onRemoved.addListener((tabId) => forgetAnswer(tabId));

api.runtime.onInstalled.addListener(() => {
  // Content scripts must not read the answers (a page could then learn what the extension saw): trusted
  // contexts only, which is also the default.
  api.storage.session.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" });
});

/**
 * A tab that shows another page loses its answer and badge (without host access the browser hides the new URL,
 * which counts as another page). A reload of the same page keeps them until its new answer arrives.
 */
async function forgetIfMoved(tabId, url) {
  let moved = false;
  await updateAnswer(tabId, (entry) => {
    moved = Boolean(entry) && !samePage(entry, url);
    return moved ? null : undefined;
  });
  if (moved) await showBadge(tabId, null);
}
