// The background analysis of one tab: read the page with content/collect.js (the one page reader), ask Python, keep
// the answer for the popup (lib/tab-answers.js) and show the badge. No overlay: that follows the popup's answer.
import { api, runInTab } from "../lib/platform.js";
import { updateAnswer } from "../lib/tab-answers.js";
import { showBadge } from "./badge.js";
import { pythonHost } from "./python-host.js";

/** Mark the tab's answer as coming (the popup then waits for it) and start Python while the page loads. */
export async function expectAnswer(tabId, url) {
  await Promise.all([
    pythonHost.warm(),
    updateAnswer(tabId, (current) => (current?.state === "pending" && current.url === url ? undefined : pending(url))),
  ]);
}

/** Analyse the page tab `tabId` shows at `url` (as the browser reports it) and keep the answer. */
export async function analyseTab(tabId, url) {
  const { run } = await updateAnswer(tabId, () => pending(url));
  let entry;
  try {
    const page = await runInTab(tabId, ["content/collect.js"]);
    const response = await pythonHost.call({ op: "analyze", page, ...(await preferences()) });
    entry = response.ok
      ? { state: "ready", answer: response.result, detection: response.detection,
          page: { url: page.url, lang: page.lang }, detailsErrors: response.details_errors ?? {} }
      : { state: "error", error: response.error };
  } catch (error) {
    entry = { state: "error", error: String(error?.message ?? error) }; // e.g. the tab was closed meanwhile
  }
  // A tab that moved on or reloaded meanwhile belongs to a newer run: leave it alone.
  const kept = await updateAnswer(tabId, (current) =>
    current?.run === run ? { url, run, source: "background", ...entry } : undefined,
  );
  if (kept?.run === run) await showBadge(tabId, entry.answer ?? null);
}

/** Keep an answer the popup found (its own analysis, a re-check or a re-plan) for the tab it analysed. */
export async function keepPopupAnswer(tabId, { answer, detection, page, detailsErrors }) {
  const { url } = await api.tabs.get(tabId); // the browser's URL for the tab, never the page's own claim
  if (!url) return null;
  const entry = { url, state: "ready", run: newRun(), source: "popup", answer, detection, page, detailsErrors };
  await updateAnswer(tabId, () => entry);
  await showBadge(tabId, answer);
  return url;
}

/**
 * What the popup would send with the page: the shopper's details and chosen plan language, so the plan kept for
 * the popup is the one it would draw. Keys as popup/details.js ("details": session, or local when remembered) and
 * popup/language.js ("planLanguage", local) store them.
 */
async function preferences() {
  const [{ details: remembered, planLanguage }, { details: session }] = await Promise.all([
    api.storage.local.get(["details", "planLanguage"]),
    api.storage.session.get("details"),
  ]);
  return { details: remembered ?? session ?? {}, language: planLanguage ?? null };
}

function pending(url) {
  return { url, state: "pending", run: newRun(), source: "background" };
}

function newRun() {
  return crypto.randomUUID();
}
