// "Choose my situation myself": for a page we could not read or did not recognise. The lists come from
// Python (op "options") so a new marketplace or situation is a data change only.
import { renderAnswerInto, situationLabel } from "./view.js";
import { message } from "../lib/platform.js";
import { read as readDetails } from "./details.js";

const R = globalThis.HoldGuideRender;

export async function setUpManual(bridge) {
  const response = await bridge.call({ op: "options" });
  if (!response.ok) return;
  const { situations, marketplaces } = response.result;
  const situationSelect = document.getElementById("manual-situation");
  const marketplaceSelect = document.getElementById("manual-marketplace");
  situationSelect.replaceChildren(
    ...situations.map((id) => R.el(document, "option", { value: id, text: situationLabel(id) })),
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
    });
    const result = document.getElementById("manual-result");
    if (answer.ok) renderAnswerInto(result, answer.result);
    else result.textContent = message("errorAnalysis");
  });
}

