// "Choose my situation myself": for a page we could not read or did not recognise. The lists come from
// Python (op "options") so a new marketplace or situation is a data change only.
import { renderAnswerInto } from "./view.js";
import { message } from "../lib/platform.js";
import { read as readDetails } from "./details.js";
import { planLanguage } from "./language.js";
import { options } from "./choices.js";

const R = globalThis[Symbol.for("hold-guide.render")]; // lib/render-plan.js

export async function setUpManual(bridge) {
  // The situations' names come from Python (texts [situations], in the browser's language), where they live once.
  const { situations, situation_labels: labels, marketplaces } = await options(bridge);
  const situationSelect = /** @type {HTMLSelectElement} */ (document.getElementById("manual-situation"));
  const marketplaceSelect = /** @type {HTMLSelectElement} */ (document.getElementById("manual-marketplace"));
  situationSelect.replaceChildren(
    ...situations.map((id) => R.el(document, "option", { value: id, text: labels[id] ?? id })),
  );
  marketplaceSelect.replaceChildren(
    ...marketplaces.map((m) => R.el(document, "option", { value: m.domain, text: `${m.name} (${m.domain})` })),
  );
  document.getElementById("manual-run").addEventListener("click", async () => {
    const answer = await bridge.call({
      op: "choose",
      situation: situationSelect.value,
      marketplace: marketplaceSelect.value,
      details: readDetails(document.getElementById("details-form")),
      language: planLanguage(),
    });
    const result = document.getElementById("manual-result");
    if (answer.ok) renderAnswerInto(result, answer.result);
    else result.textContent = message("errorAnalysis");
  });
}

