// The popup: show Python's answer for the tab, draw the overlay, keep the answer. No business logic here: every
// verdict, plan, link and text comes from py/holdguide, through the background's Python (popup/python.js).
//
// The answer is usually ready before the click: the background analysed the Amazon account page as it loaded and
// kept the answer for the tab (lib/tab-answers.js). Then the popup shows it at once (waiting for it if the analysis
// is under way), while the status line says the page is being checked; otherwise it analyses the page itself.
// Either way it re-reads the page and checks again, then sets data-state "ready", and hands what it shows back to
// the background (which keeps it and sets the badge). Edits of the details or of the plan language only re-plan
// (op "plan"): the detection does not depend on them.
//
// Hooks other tests rely on (../shared/contract.md): #app is the only element with data-state
// (loading -> ready | error) and, once ready, data-situation, data-marketplace and data-phishing.
//
// Only what shows an answer (and fills the details form, so "ready" finds it filled) is imported up front; the
// other forms' modules load once the answer is on screen (`loadForms`).
import { api, callInTab, localizePage, message, runInTab, targetTab } from "../lib/platform.js";
import { readAnswer, samePage, waitForAnswer } from "../lib/tab-answers.js";
import { renderPlan, renderVerdict, verdictTitle } from "./view.js";
import { watchDetails } from "./details.js";

/** How long to wait for an analysis the background has under way before doing it here. */
const PENDING_WAIT_MS = 20_000;
/**
 * Documents whose text collect.js can read. Anything else (a PDF, an image, a JSON file) is shown by the browser in a
 * viewer of its own whose text is empty or meaningless: "no hold here" would be a false answer, so it is an error.
 */
const READABLE_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain"]);

const app = document.getElementById("app");
const Cases = globalThis[Symbol.for("hold-guide.cases")]; // lib/case-store.js

localizePage();
// The options page: what is stored, export, delete all, follow-up reminders (options/options.js).
document.getElementById("open-options").addEventListener("click", () => api.runtime.openOptionsPage());
main();

/** The modules of the other forms and of Python's use, filled by `loadForms`. */
let forms;

async function loadForms() {
  const [paste, manual, caselog, language, python] = await Promise.all([
    import("./paste.js"), import("./manual.js"), import("./caselog.js"), import("./language.js"),
    import("./python.js"),
  ]);
  forms = { ...paste, ...manual, ...caselog, ...language, ...python };
}

async function main() {
  performance.mark("hold-guide:popup-start"); // read by scripts/benchmark.py, with the marks below
  const tab = await targetTab().catch(() => null);
  // `page` is what the answer was made from: the page read here, or {url, lang} of the kept answer; `detection` is
  // Python's, which a re-plan sends back.
  const context = {
    bridge: null, tab, page: null, answer: null, detection: null, details: {}, onDetails: async () => {},
    // Old case logs merged, expired entries dropped (lib/case-store.js); awaited before the case log is read.
    tidied: Cases.tidy().catch((error) => console.warn("[hold guide] case log not tidied", error)),
  };
  const kept = await showKeptAnswer(context);
  const reading = tab ? readPage(tab) : Promise.resolve(null);
  if (!(await wireForms(context))) return;
  const page = await reading;
  if (!page && !kept) {
    await context.tidied;
    forms.setUpCaseLog(context.bridge, null); // the manual choice and the case log still use the stored details
    return fail(message("errorRead"));
  }
  context.onDetails = () => replan(context).catch(engineFailed);
  try {
    await (page ? check(context, page) : replan(context)); // the page as it is now
  } catch (error) {
    return engineFailed(error);
  }
  await context.tidied;
  forms.setUpCaseLog(context.bridge, context);
}

/**
 * Fill the details form from storage (edits call `context.onDetails`, a no-op until Python is wired) and show the
 * answer kept for the tab, if any, at once. Resolves to that kept entry or null.
 */
async function showKeptAnswer(context) {
  const formFilled = watchDetails(async (details) => {
    context.details = details;
    await context.onDetails();
  });
  const kept = context.tab ? await keptAnswer(context.tab) : null;
  await formFilled;
  if (kept) {
    Object.assign(context, { page: kept.page, answer: kept.answer, detection: kept.detection });
    show(kept.answer, kept.detailsErrors ?? {}, { provisional: true });
  }
  return kept;
}

/** Load the other forms and give them Python; false (after saying so) when Python cannot start. */
async function wireForms(context) {
  await loadForms();
  const bridge = (context.bridge = forms.popupPython());
  try {
    await forms.setUpLanguage(bridge, () => replan(context).catch(engineFailed));
  } catch (error) {
    engineFailed(error); // the first question to Python
    return false;
  }
  performance.mark("hold-guide:python-ready"); // read by scripts/benchmark.py
  forms.setUpPaste(bridge);
  forms.setUpManual(bridge);
  return true;
}

/** The background's answer for this tab, if it is for the page the tab shows (waiting while it is under way). */
async function keptAnswer(tab) {
  let entry = await readAnswer(tab.id);
  if (!samePage(entry, tab.url)) return null;
  if (entry.state === "pending" && Date.now() - entry.at > PENDING_WAIT_MS) return null; // abandoned (worker gone)
  if (entry.state === "pending") entry = await waitForAnswer(tab.id, tab.url, PENDING_WAIT_MS);
  return entry?.state === "ready" ? entry : null;
}

/** The page as content/collect.js reads it; null when the tab cannot be read (see READABLE_TYPES). */
async function readPage(tab) {
  try {
    const type = await callInTab(tab.id, () => document.contentType);
    if (!READABLE_TYPES.has(type)) {
      console.warn("[hold guide] not a page whose text can be read:", type);
      return null;
    }
    return await runInTab(tab.id, ["content/collect.js"]);
  } catch (error) {
    console.warn("cannot read the tab", error);
    return null;
  }
}

/** Detect and plan from the page as read now. */
async function check(context, page) {
  const response = await context.bridge.call({
    op: "analyze", page, details: context.details, language: forms.planLanguage(),
  });
  context.page = { url: page.url, lang: page.lang };
  await settle(context, response);
}

/** Plan again for the same detection (new details or plan language); Python does not re-detect. */
async function replan(context) {
  if (!context.detection) return;
  const response = await context.bridge.call({
    op: "plan", detection: context.detection, page: context.page, details: context.details,
    language: forms.planLanguage(),
  });
  await settle(context, response);
}

async function settle(context, response) {
  if (!response.ok) return fail(message("errorAnalysis"), response.error);
  context.answer = response.result;
  context.detection = response.detection;
  const detailsErrors = response.details_errors ?? {};
  show(response.result, detailsErrors);
  await context.tidied;
  await drawOverlay(context.tab.id, response.result);
  await forms.remember(context.tab.id, {
    answer: response.result, detection: context.detection, page: context.page, detailsErrors,
  });
}

/**
 * Render one answer and set the contract's hooks. Called again whenever the user's details change. A `provisional`
 * answer (the one kept for the tab) is shown at once, while the status line says the page is being checked; the
 * hooks and data-state "ready" wait for the check, when the popup is fully wired (every form answers).
 */
function show(answer, detailsErrors, { provisional = false } = {}) {
  renderVerdict(answer);
  renderPlan(document.getElementById("plan"), answer.plan);
  for (const field of ["email", "order", "tickets"]) {
    document.getElementById(`${field}-error`).textContent = detailsErrors[field] ?? "";
  }
  markOnce("hold-guide:answer-shown"); // read by scripts/benchmark.py
  if (provisional) return;
  app.dataset.situation = answer.situation;
  app.dataset.marketplace = answer.marketplace ?? "";
  app.dataset.phishing = String(answer.phishing);
  setState("ready", verdictTitle(answer));
  markOnce("hold-guide:ready");
}

function markOnce(name) {
  if (!performance.getEntriesByName(name).length) performance.mark(name);
}

/**
 * Draw (or remove) the overlay in the page; the page stays usable if this fails (e.g. a closed tab).
 * The overlay's files are injected only when the page does not have them yet (first answer, or after a
 * reload): the popup redraws on every edit of the details, and re-running three files each time is waste.
 */
async function drawOverlay(tabId, answer) {
  // Runs in the tab's content-script world; the overlay sits under a Symbol, which no element id can shadow.
  const show = (model) => {
    const overlay = globalThis[Symbol.for("hold-guide.overlay")];
    return overlay ? overlay.show(model).then(() => true) : false;
  };
  const model = overlayModel(answer);
  try {
    if (!(await callInTab(tabId, show, [model]))) {
      await runInTab(tabId, ["lib/render-plan.js", "lib/case-store.js", "content/overlay.js"]);
      await callInTab(tabId, show, [model]);
    }
  } catch (error) {
    console.warn("overlay not drawn", error);
  }
}

/**
 * Only what the overlay needs. On a phishing page (or any page that is not an official Amazon host) the plan
 * Python built carries no personal details, and the overlay shows only the warning (`trusted` false: the popup is
 * where a verdict is trusted); whether steps may be logged is Python's decision (answer.log_case), and without a
 * case key nothing is logged. The case key names the marketplace only, never the shopper's e-mail.
 */
function overlayModel(answer) {
  return {
    situation: answer.situation,
    phishing: answer.phishing,
    trusted: answer.official_host === true,
    plan: answer.plan,
    caseKey: answer.log_case ? Cases.keyFor(answer.marketplace) : null,
    today: Cases.today(),
  };
}

function setState(state, text) {
  app.dataset.state = state;
  app.setAttribute("aria-busy", String(state === "loading"));
  document.getElementById("status-text").textContent = text;
  /** @type {HTMLElement} */ (document.querySelector("#status .spinner")).hidden = state !== "loading";
  // Once ready, the verdict section (aria-live) says it; the status line would only repeat it.
  document.getElementById("status").hidden = state === "ready";
}

function fail(text, error) {
  if (error) console.error(error);
  setState("error", text);
}

/**
 * Python could not start (the bridge fails fast on a wasm that does not compile, lib/py-bridge.js): say so, offer a
 * retry (a fresh popup asks the background's Python again, then starts its own), and tell each form that needs
 * Python why it does nothing.
 */
function engineFailed(error) {
  fail(message("errorBoot"), error);
  const retry = document.getElementById("retry");
  retry.hidden = false;
  retry.addEventListener("click", () => location.reload(), { once: true });
  for (const note of document.querySelectorAll(".needs-engine")) /** @type {HTMLElement} */ (note).hidden = false;
  for (const id of ["paste-run", "manual-run"]) {
    /** @type {HTMLButtonElement} */ (document.getElementById(id)).disabled = true;
  }
}
