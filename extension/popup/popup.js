// The popup: show Python's answer for the tab, draw the overlay, keep the answer. No business logic here: every
// verdict, plan, link and text comes from py/holdguide, through the background's Python (popup/python.js).
//
// The answer is usually ready before the click: the background analysed the Amazon account page as it loaded and
// kept the answer for the tab (lib/tab-answers.js). Then the popup shows it at once, still waits for it if the
// analysis is under way, and otherwise analyses the page itself. Either way it then re-reads the page and checks
// again, and hands what it shows back to the background (which keeps it and sets the badge). Edits of the details
// or of the plan language only re-plan (op "plan"): the detection does not depend on them.
//
// Hooks other tests rely on (../shared/contract.md): #app is the only element with data-state
// (loading -> ready | error) and, once ready, data-situation, data-marketplace and data-phishing.
import { api, callInTab, message, runInTab, targetTab } from "../lib/platform.js";
import { readAnswer, samePage, waitForAnswer } from "../lib/tab-answers.js";
import { renderPlan, renderVerdict, situationLabel } from "./view.js";
import { watchDetails } from "./details.js";
import { setUpPaste } from "./paste.js";
import { setUpManual } from "./manual.js";
import { setUpCaseLog } from "./caselog.js";
import { planLanguage, setUpLanguage } from "./language.js";
import { popupPython, remember } from "./python.js";

/** How long to wait for an analysis the background has under way before doing it here. */
const PENDING_WAIT_MS = 20_000;

const app = document.getElementById("app");

localize(document);
main();

async function main() {
  const bridge = popupPython();
  const tab = await targetTab().catch(() => null);
  const kept = tab ? await keptAnswer(tab) : null;
  // `page` is what the answer was made from: the page read here, or {url, lang} of the kept answer.
  const context = { bridge, tab, page: kept?.page ?? null, answer: kept?.answer ?? null, details: {} };
  if (kept) show(kept.answer, kept.detailsErrors ?? {});
  const reading = tab ? readPage(tab) : Promise.resolve(null);
  try {
    await setUpLanguage(bridge, () => replan(context)); // the first question to Python
  } catch (error) {
    return fail(message("errorBoot"), error);
  }
  performance.mark("hold-guide:python-ready"); // read by scripts/benchmark.py
  setUpPaste(bridge);
  setUpManual(bridge);
  const page = await reading;
  if (!page && !kept) {
    await watchDetails(async () => {}); // the manual choice and the case log still use the stored details
    setUpCaseLog(bridge, null);
    return fail(message("errorRead"));
  }
  let checked = false;
  await watchDetails(async (details) => {
    context.details = details;
    try {
      if (!checked && page) await check(context, page); // the first call: read the page as it is now
      else await replan(context);
      checked = true;
    } catch (error) {
      fail(message("errorBoot"), error);
    }
  });
  setUpCaseLog(bridge, context);
}

/** The background's answer for this tab, if it is for the page the tab shows (waiting while it is under way). */
async function keptAnswer(tab) {
  let entry = await readAnswer(tab.id);
  if (!samePage(entry, tab.url)) return null;
  if (entry.state === "pending") entry = await waitForAnswer(tab.id, tab.url, PENDING_WAIT_MS);
  return entry?.state === "ready" ? entry : null;
}

async function readPage(tab) {
  try {
    return await runInTab(tab.id, ["content/collect.js"]);
  } catch (error) {
    console.warn("cannot read the tab", error);
    return null;
  }
}

/** Detect and plan from the page as read now. */
async function check(context, page) {
  const response = await context.bridge.call({
    op: "analyze", page, details: context.details, language: planLanguage(),
  });
  context.page = { url: page.url, lang: page.lang };
  await settle(context, response);
}

/** Plan again for the same detection (new details or plan language); Python does not re-detect. */
async function replan(context) {
  if (!context.answer) return;
  const response = await context.bridge.call({
    op: "plan", answer: context.answer, page: context.page, details: context.details, language: planLanguage(),
  });
  await settle(context, response);
}

async function settle(context, response) {
  if (!response.ok) return fail(message("errorAnalysis"), response.error);
  context.answer = response.result;
  const detailsErrors = response.details_errors ?? {};
  show(response.result, detailsErrors);
  await drawOverlay(context.tab.id, response.result, context.details);
  await remember(context.tab.id, { answer: response.result, page: context.page, detailsErrors });
}

/** Render one answer and set the contract's hooks. Called again whenever the user's details change. */
function show(answer, detailsErrors) {
  renderVerdict(answer);
  renderPlan(document.getElementById("plan"), answer.plan);
  for (const field of ["email", "order", "tickets"]) {
    document.getElementById(`${field}-error`).textContent = detailsErrors[field] ?? "";
  }
  app.dataset.situation = answer.situation;
  app.dataset.marketplace = answer.marketplace ?? "";
  app.dataset.phishing = String(answer.phishing);
  setState("ready", answer.situation === "none" ? message("noHold") : situationLabel(answer.situation));
  if (!performance.getEntriesByName("hold-guide:answer-shown").length) performance.mark("hold-guide:answer-shown");
}

/**
 * Draw (or remove) the overlay in the page; the page stays usable if this fails (e.g. a closed tab).
 * The overlay's files are injected only when the page does not have them yet (first answer, or after a
 * reload): the popup redraws on every edit of the details, and re-running three files each time is waste.
 */
async function drawOverlay(tabId, answer, details) {
  const show = (model) => (globalThis.HoldGuideOverlay ? globalThis.HoldGuideOverlay.show(model).then(() => true) : false);
  const model = overlayModel(answer, details);
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
 * Python built carries no personal details, and there is no case key, so nothing is logged from it.
 */
function overlayModel(answer, details) {
  const official = answer.official_host && !answer.phishing;
  return {
    situation: answer.situation,
    phishing: answer.phishing,
    plan: answer.plan,
    caseKey: official ? globalThis.HoldGuideCases.keyFor(answer.marketplace, details.email) : null,
    today: globalThis.HoldGuideCases.today(),
  };
}

function setState(state, text) {
  app.dataset.state = state;
  app.setAttribute("aria-busy", String(state === "loading"));
  document.getElementById("status-text").textContent = text;
  document.querySelector("#status .spinner").hidden = state !== "loading";
  // Once ready, the verdict section (aria-live) says it; the status line would only repeat it.
  document.getElementById("status").hidden = state === "ready";
}

function fail(text, error) {
  if (error) console.error(error);
  setState("error", text);
}

/** Fill every [data-i18n] element with the extension's own UI string in the browser's language. */
function localize(root) {
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = message(node.dataset.i18n);
  document.documentElement.lang = api.i18n.getUILanguage();
  document.documentElement.dir = message("@@bidi_dir");
}
