// Draws Python's answer into the popup. Strings from Python go in as text only (lib/render-plan.js).
//
// Everything inside a plan (its title, intro, steps, section headings, copy buttons, the situation's name) comes
// from Python in the plan's language and is tagged with it; the popup's own chrome (noHold, onMarketplace, the
// phishing banner) comes from _locales in the browser's language.
//
// The verdict leads with the danger (issue 9): on a fake, the heading is Python's "This page is likely a fake" and
// what it imitates comes second, so a hurried reader never takes the imitated situation's name for a confirmation.
import { message } from "../lib/platform.js";

const R = globalThis[Symbol.for("hold-guide.render")]; // lib/render-plan.js

/** The verdict line: Python's heading (in the plan's language), or the popup's "no hold". */
export function verdictTitle(answer) {
  return answer.plan?.verdict ?? answer.plan?.situation_label ?? message("noHold");
}

export function renderVerdict(answer) {
  document.getElementById("verdict").hidden = false;
  const title = document.getElementById("verdict-title");
  title.textContent = verdictTitle(answer);
  setLanguage(title, answer.plan);
  const imitates = document.getElementById("verdict-imitates");
  imitates.textContent = answer.plan?.imitates ?? "";
  imitates.hidden = !answer.plan?.imitates;
  setLanguage(imitates, answer.plan);
  // A fake is not "on amazon.de": the marketplace it imitates is named only by what it imitates.
  document.getElementById("verdict-where").textContent = answer.marketplace && !answer.phishing
    ? message("onMarketplace", [answer.marketplace])
    : "";
  const phishing = document.getElementById("phishing-box");
  phishing.hidden = !answer.phishing;
  const reasons = document.getElementById("phishing-reasons");
  setLanguage(reasons, answer.plan); // Python words them in the plan's language
  reasons.replaceChildren(
    ...answer.phishing_reasons.map((reason) => R.el(document, "li", { text: reason })),
  );
  document.getElementById("evidence-box").hidden = answer.evidence.length === 0;
  document.getElementById("evidence").replaceChildren(
    ...answer.evidence.map((phrase) => R.el(document, "li", {}, R.el(document, "q", { text: phrase }))),
  );
}

/** A plan as a numbered list of steps plus its intro, warnings, what to have ready, what not to do and advice. */
export function renderPlan(section, plan) {
  section.hidden = !plan;
  if (!plan) return;
  setLanguage(section, plan);
  const heading = section.querySelector("h2");
  heading.textContent = plan.title;
  let intro = section.querySelector(".plan-intro");
  if (!intro) {
    intro = R.el(document, "p", { className: "plan-intro" });
    heading.after(intro);
  }
  intro.textContent = plan.intro ?? "";
  const steps = plan.steps.map((step) =>
    R.el(
      document,
      "li",
      { className: "step", "data-step": step.id },
      R.el(document, "h3", { text: step.title }),
      R.renderStepBody(document, step, plan.ui),
    ),
  );
  section.querySelector(".steps").replaceChildren(...steps);
  const headings = plan.headings;
  section.querySelector(".plan-extras").replaceChildren(
    ...[
      R.renderList(document, headings.warnings, plan.warnings, "hg-warnings"),
      R.renderList(document, headings.prepare, plan.prepare, "hg-prepare"),
      R.renderList(document, headings.avoid, plan.avoid, "hg-avoid"),
      R.renderList(document, headings.reasons, plan.reasons, "hg-reasons"),
      R.renderList(document, headings.tips, plan.tips, "hg-tips"),
      R.renderList(document, headings.prevention, plan.prevention, "hg-prevention"),
    ].filter(Boolean),
  );
}

/** A self-contained result block (paste and manual areas), which never touches #app's hooks. */
export function renderAnswerInto(container, answer) {
  const parts = [];
  const title = R.el(document, "p", { className: "result-title", text: verdictTitle(answer) });
  setLanguage(title, answer.plan);
  parts.push(title);
  if (answer.plan?.imitates) {
    const imitates = R.el(document, "p", { className: "result-imitates", text: answer.plan.imitates });
    setLanguage(imitates, answer.plan);
    parts.push(imitates);
  }
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

/** Tag a node with the plan's language and direction, so screen readers and fonts follow it; untag without one. */
function setLanguage(node, plan) {
  if (plan) {
    node.lang = plan.language;
    node.dir = plan.direction ?? "auto";
  } else {
    node.removeAttribute("lang");
    node.removeAttribute("dir");
  }
}
