// "Check with Hold Guide" in the context menu, on selected text and on links (issue 12): a mail read in web-mail, an
// SMS pasted anywhere, a link whose real target matters. The click grants activeTab for that tab only; no host
// permission is needed, and nothing is read until the shopper picks the entry.
//
// The click stores what to check in storage.session under `check:<id>` and opens check/check.html?check=<id> next
// to the tab; that page asks Python (op "message", the popup's paste analysis) and draws the answer. What is
// checked is the selection's text, or the link's real target (info.linkUrl, never the text shown for it) with its
// text, so Python's phishing check judges the host a click would open. The page's own address is kept and shown as
// context, but it is not sent as part of the message: the page that SHOWS a message (a web-mail) is not where the
// message comes from, and a link to it in the text would make a genuine mail read there look like a fake.
import { api, message } from "../lib/platform.js";

/** Switched on in the test build only (build.py, TEST_HOOK_FILES): tests cannot open a native context menu. */
const TEST_HOOKS = false;

export const MENU_ID = "hold-guide-check";
/** Checks kept at most in storage.session (each is one selection); older ones go when a new one is stored. */
const MAX_CHECKS = 10;
/** A mail or SMS is far shorter; the cap keeps storage.session small (Python itself reads up to
 * page_request.MAX_TEXT). */
const MAX_TEXT = 100_000;

// Registered synchronously at the top level, so a click can wake the service worker (or event page).
api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) checkFromMenu(info, tab).catch((error) => console.warn("[hold guide] check", error));
});

api.runtime.onInstalled.addListener(() => {
  createMenu().catch((error) => console.warn("[hold guide] context menu not created", error));
});

/** The menu entry, made afresh on install and update (the browser keeps it across restarts). */
async function createMenu() {
  await api.contextMenus.removeAll();
  await new Promise((resolve, reject) => {
    api.contextMenus.create(
      { id: MENU_ID, title: message("contextMenuCheck"), contexts: ["selection", "link"] },
      () => (api.runtime.lastError ? reject(new Error(api.runtime.lastError.message)) : resolve(undefined)),
    );
  });
}

/**
 * What a click on the entry does: store the request and open the check page beside `tab`.
 * @param {{selectionText?: string, linkUrl?: string, linkText?: string, pageUrl?: string, frameUrl?: string,
 *   frameId?: number}} info the browser's OnClickData (linkText: Firefox only)
 * @param {{id?: number, index?: number, windowId?: number} | undefined} tab
 * @returns {Promise<{id: string, tabId: number | undefined}>}
 */
export async function checkFromMenu(info, tab) {
  const selection = await selectedText(info, tab);
  const request = info.linkUrl
    ? { source: "link", linkUrl: info.linkUrl, text: joinLines(selection || info.linkText, info.linkUrl) }
    : { source: "selection", text: selection };
  const id = crypto.randomUUID();
  await keep(`check:${id}`, {
    ...request,
    text: request.text.slice(0, MAX_TEXT),
    pageUrl: info.pageUrl ?? "", // shown on the check page as context, never sent to Python (see the top)
    created: performance.timeOrigin + performance.now(), // finer than Date.now(): two checks in one ms stay in order
  });
  const opened = await api.tabs.create({
    url: api.runtime.getURL(`check/check.html?check=${id}`),
    ...(tab?.index !== undefined && tab.index >= 0 ? { index: tab.index + 1 } : {}),
    ...(tab?.id !== undefined && tab.id >= 0 ? { openerTabId: tab.id } : {}),
    ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
  });
  return { id, tabId: opened.id };
}

/**
 * The selection with its line breaks. The browser's info.selectionText runs the lines together (Chrome), which hides
 * a copied mail's From: and Subject: lines from Python; the click's activeTab lets us read the selection in its frame.
 * Taken only when it is the same text as the browser's (whitespace aside); otherwise, or when the frame cannot be
 * read (another origin, a browser page), the browser's text is used.
 */
async function selectedText(info, tab) {
  const reported = info.selectionText ?? "";
  if (!reported.trim() || tab?.id === undefined || tab.id < 0) return reported;
  try {
    const [first] = await api.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [info.frameId ?? 0] },
      func: () => globalThis.getSelection()?.toString() ?? "",
    });
    const read = typeof first?.result === "string" ? first.result : "";
    return squeeze(read) === squeeze(reported) ? read : reported;
  } catch {
    return reported;
  }
}

function squeeze(text) {
  return text.replace(/\s+/g, " ").trim();
}

function joinLines(...parts) {
  return parts.filter((part) => part && part.trim()).join("\n");
}

/** Store one check and drop the oldest beyond MAX_CHECKS (a reload of an open check page still finds its own). */
async function keep(key, value) {
  /** @type {Record<string, {created?: number}>} */
  const stored = await api.storage.session.get(null);
  const old = Object.entries(stored)
    .filter(([name]) => name.startsWith("check:"))
    .sort(([, a], [, b]) => (a?.created ?? 0) - (b?.created ?? 0))
    .slice(0, -(MAX_CHECKS - 1))
    .map(([name]) => name);
  if (old.length) await api.storage.session.remove(old);
  await api.storage.session.set({ [key]: value });
}

if (TEST_HOOKS) {
  // The test build's door to the click (the menu itself cannot be opened headless), and a check that the entry
  // exists: contextMenus has no getAll, but update() fails for an id the browser does not know.
  globalThis.holdGuideTest = Object.assign(globalThis.holdGuideTest ?? {}, {
    checkFromMenu,
    menuExists: (id = MENU_ID) => api.contextMenus.update(id, {}).then(() => true, () => false),
    menuTitle: () => message("contextMenuCheck"),
  });
}
