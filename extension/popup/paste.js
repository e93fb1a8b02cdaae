// "Check a message you received": the same Python analysis on a pasted e-mail or SMS, shown in its own
// area so the page's answer (and #app's data-* hooks) stay as they are.
import { renderAnswerInto } from "./view.js";
import { message } from "../lib/platform.js";
import { planLanguage } from "./language.js";

export function setUpPaste(bridge) {
  const run = document.getElementById("paste-run");
  const result = document.getElementById("paste-result");
  run.addEventListener("click", async () => {
    const text = /** @type {HTMLTextAreaElement} */ (document.getElementById("paste-text")).value;
    if (!text.trim()) return;
    const response = await bridge.call({ op: "message", text, language: planLanguage() });
    if (!response.ok) {
      result.textContent = message("errorAnalysis");
      return;
    }
    renderAnswerInto(result, response.result);
    // Hooks of their own (the contract keeps data-situation & co. for the page's answer on #app).
    result.dataset.pasteSituation = response.result.situation;
    result.dataset.pasteMarketplace = response.result.marketplace ?? "";
    result.dataset.pastePhishing = String(response.result.phishing);
  });
}
