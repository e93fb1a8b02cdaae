// Draws Python's answer into the popup. Strings from Python go in as text only (lib/render-plan.js).
import { message } from "../lib/platform.js";

const R = globalThis.HoldGuideRender;

/** The popup's own label for a situation id, in the browser's UI language. */
export function situationLabel(id) {
  return message(`situation_${id.replaceAll("-", "_")}`);
}

/** Copy-button labels: the popup's own (browser UI language). */
export function popupLabels() {
  return {
    copied: message("copied"),
    copy_address: message("copyAddress"),
    copy_subject: message("copySubject"),
    copy_body: message("copyBody"),
  };
}

export function renderVerdict(answer) {
  document.getElementById("verdict").hidden = false;
  document.getElementById("verdict-title").textContent =
    answer.situation === "none" ? message("noHold") : situationLabel(answer.situation);
  document.getElementById("verdict-where").textContent = answer.marketplace
    ? message("onMarketplace", [answer.marketplace])
    : "";
  const phishing = document.getElementById("phishing-box");
  phishing.hidden = !answer.phishing;
  document.getElementById("phishing-reasons").replaceChildren(
    ...answer.phishing_reasons.map((reason) => R.el(document, "li", { text: reason })),
  );
  document.getElementById("evidence-box").hidden = answer.evidence.length === 0;
  document.getElementById("evidence").replaceChildren(
    ...answer.evidence.map((phrase) => R.el(document, "li", {}, R.el(document, "q", { text: phrase }))),
  );
}

/** A plan as a numbered list of steps plus its reasons, tips, prevention and warnings. */
export function renderPlan(section, plan) {
  section.hidden = !plan;
  if (!plan) return;
  section.lang = plan.language;
  section.dir = plan.direction ?? "auto";
  section.querySelector("h2").textContent = plan.title;
  const labels = popupLabels();
  const steps = plan.steps.map((step) =>
    R.el(
      document,
      "li",
      { className: "step", "data-step": step.id },
      R.el(document, "h3", { text: step.title }),
      R.renderStepBody(document, step, labels),
    ),
  );
  section.querySelector(".steps").replaceChildren(...steps);
  const extras = plan.headings ?? {};
  section.querySelector(".plan-extras").replaceChildren(
    ...[
      R.renderList(document, extras.warnings ?? message("warningsTitle"), plan.warnings, "hg-warnings"),
      R.renderList(document, extras.reasons ?? message("reasonsTitle"), plan.reasons, "hg-reasons"),
      R.renderList(document, extras.tips ?? message("tipsTitle"), plan.tips, "hg-tips"),
      R.renderList(document, extras.prevention ?? message("preventionTitle"), plan.prevention, "hg-prevention"),
    ].filter(Boolean),
  );
}

/** A self-contained result block (paste and manual areas), which never touches #app's hooks. */
export function renderAnswerInto(container, answer) {
  const parts = [];
  const title = answer.situation === "none" ? message("noHold") : situationLabel(answer.situation);
  parts.push(R.el(document, "p", { className: "result-title", text: title }));
  if (answer.phishing) {
    parts.push(
      R.el(
        document,
        "div",
        { className: "phishing", role: "alert" },
        R.el(document, "strong", { text: message("phishingMessageTitle") }),
        R.el(document, "ul", {}, ...answer.phishing_reasons.map((r) => R.el(document, "li", { text: r }))),
      ),
    );
  }
  if (answer.plan) {
    const section = R.el(document, "section", {}, R.el(document, "h2"), R.el(document, "ol", { className: "steps" }),
      R.el(document, "div", { className: "plan-extras" }));
    renderPlan(section, answer.plan);
    parts.push(section);
  }
  container.replaceChildren(...parts);
}
