// The check page (issue 12): the answer for a text or link the shopper chose "Check with Hold Guide" on
// (background/context-menu.js stored it under `check:<id>` in storage.session). Python analyses it as a pasted
// message, through the background's Python like the popup's paste (popup/python.js), and the answer is drawn with
// the popup's own rendering (popup/view.js over lib/render-plan.js): every string goes in as text, never markup.
//
// Hooks (like the popup's; docs/contract.md, "Check page"): #check is the page's one data-state element,
// loading -> ready | error, and once ready data-situation, data-marketplace, data-phishing, plus data-source
// (selection | link).
import { api, localizePage, message } from "../lib/platform.js";
import { popupPython } from "../popup/python.js";
import { renderAnswerInto } from "../popup/view.js";

const root = document.getElementById("check");

localizePage();
main().catch((error) => fail(message("errorBoot"), error));

async function main() {
  const id = new URLSearchParams(location.search).get("check") ?? "";
  const key = `check:${id}`;
  /** @type {{source?: string, text?: unknown, linkUrl?: string, pageUrl?: string} | undefined} */
  const request = (await api.storage.session.get(key))[key];
  const text = request?.text;
  if (typeof text !== "string") return fail(message("checkMissing"));
  root.dataset.source = request.source === "link" ? "link" : "selection";
  showSource({ ...request, text });
  if (!text.trim()) return fail(message("checkMissing"));
  const { planLanguage } = await api.storage.local.get("planLanguage"); // the popup's choice (popup/language.js)
  const response = await popupPython().call({ op: "message", text, language: planLanguage ?? null });
  if (!response.ok) return fail(message("errorAnalysis"), response.error);
  const answer = response.result;
  const result = document.getElementById("result");
  renderAnswerInto(result, answer);
  // Without a plan the verdict is the popup's "no hold on this page"; here it is a text or a link that was checked.
  if (!answer.plan) result.querySelector(".result-title").textContent = message("checkNoHold");
  root.dataset.situation = answer.situation;
  root.dataset.marketplace = answer.marketplace ?? "";
  root.dataset.phishing = String(answer.phishing);
  setState("ready", "");
}

/**
 * Where the text came from, the link's real target, and the text itself: all as text.
 * @param {{source?: string, text: string, linkUrl?: string, pageUrl?: string}} request
 */
function showSource(request) {
  const host = hostOf(request.pageUrl);
  document.getElementById("source").textContent = host ? message("checkSourcePage", [host]) : "";
  if (request.source === "link") {
    document.getElementById("link-target").hidden = false;
    document.getElementById("link-url").textContent = request.linkUrl ?? "";
  }
  document.getElementById("checked-text").textContent = request.text;
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

function setState(state, text) {
  root.dataset.state = state;
  root.setAttribute("aria-busy", String(state === "loading"));
  document.getElementById("status-text").textContent = text;
  document.getElementById("status").hidden = state === "ready"; // the verdict (aria-live) says it then
}

function fail(text, error) {
  if (error) console.error(error);
  /** @type {HTMLElement} */ (document.querySelector("#status .spinner")).hidden = true;
  setState("error", text);
}
