// The popup: boot Python, read the tab, show Python's answer, draw the overlay. No business logic here:
// every verdict, plan, link and text comes from py/holdguide through lib/py-bridge.js.
//
// Hooks other tests rely on (../shared/contract.md): #app is the only element with data-state
// (loading -> ready | error) and, once ready, data-situation, data-marketplace and data-phishing.
import { startPython } from "../lib/py-bridge.js";
import { api, callInTab, message, runInTab, targetTab } from "../lib/platform.js";
import { renderPlan, renderVerdict, verdictTitle } from "./view.js";
import { watchDetails } from "./details.js";
import { setUpPaste } from "./paste.js";
import { setUpManual } from "./manual.js";
import { setUpCaseLog } from "./caselog.js";
import { planLanguage, setUpLanguage } from "./language.js";

const app = document.getElementById("app");

localize(document);
main();

async function main() {
  const python = startPython(); // boot first: it is the slow part, and reading the tab can run meanwhile
  let tab;
  let page;
  try {
    tab = await targetTab();
    page = await runInTab(tab.id, ["content/collect.js"]);
  } catch (error) {
    console.warn("cannot read the tab", error);
    page = null;
  }
  let bridge;
  try {
    bridge = await python;
  } catch (error) {
    return fail(message("errorBoot"), error);
  }
  performance.mark("hold-guide:python-ready"); // read by scripts/benchmark.py
  setUpPaste(bridge);
  setUpManual(bridge);
  if (!page) {
    await watchDetails(async () => {}); // the manual choice and the case log still use the stored details
    setUpCaseLog(bridge, null);
    return fail(message("errorRead"));
  }
  const context = { bridge, tab, page, answer: null, details: {} };
  // Python runs again whenever the details or the chosen plan language change; the runtime stays up.
  const analyse = async () => {
    const response = await bridge.call({ op: "analyze", page, details: context.details, language: planLanguage() });
    if (!response.ok) return fail(message("errorAnalysis"), response.error);
    context.answer = response.result;
    show(response.result, response.details_errors ?? {});
    await drawOverlay(tab.id, response.result, context.details);
  };
  await setUpLanguage(bridge, analyse);
  await watchDetails(async (details) => {
    context.details = details;
    await analyse();
  });
  setUpCaseLog(bridge, context);
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
  setState("ready", verdictTitle(answer));
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
 * Python built carries no personal details; whether steps may be logged is Python's decision (answer.log_case),
 * and without a case key nothing is logged.
 */
function overlayModel(answer, details) {
  return {
    situation: answer.situation,
    phishing: answer.phishing,
    plan: answer.plan,
    caseKey: answer.log_case ? globalThis.HoldGuideCases.keyFor(answer.marketplace, details.email) : null,
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
