// The case log in the popup: what was tried, when, with which ticket number; Python says when to follow
// up (skipping the marketplace's weekend), writes the follow-up e-mail and the export, and gives every word the
// panel shows (report.labels, in the plan's language). Only the section's title comes from _locales.
//
// Storage is lib/case-store.js (shared with the overlay, whose "done" buttons add entries here): one log per
// marketplace, never keyed by the shopper's e-mail, each entry deleted Cases.MAX_AGE_DAYS after its date; the panel
// says so (caseLogHint), and "Clear my details" (details.js) deletes every log.
import { message } from "../lib/platform.js";
import { read as readDetails } from "./details.js";

const R = globalThis[Symbol.for("hold-guide.render")]; // lib/render-plan.js
const Cases = globalThis[Symbol.for("hold-guide.cases")]; // lib/case-store.js

/** `context` = {answer, page...} from popup.js, or null when no page could be read. */
export function setUpCaseLog(bridge, context) {
  const section = document.getElementById("caselog-section");
  const container = document.getElementById("caselog");
  document.getElementById("caselog-hint").textContent = message("caseLogHint", [String(Cases.MAX_AGE_DAYS)]);
  // The add form and the buttons are built once, so a redraw never throws away what the shopper is typing;
  // only the view (entries, follow-up date, follow-up e-mail) and the words are redrawn from storage and Python.
  const view = R.el(document, "div", { id: "caselog-view" });
  const form = addForm(async (entry) => {
    await Cases.add(caseKey(context), entry);
    await refresh();
  });
  const exportButton = R.el(document, "button", { type: "button", id: "caselog-export" });
  exportButton.addEventListener("click", async () => {
    const labels = JSON.parse(view.dataset.labels ?? "{}");
    if (await R.copyText(view.dataset.export ?? "")) exportButton.textContent = labels.copied ?? "";
    setTimeout(() => (exportButton.textContent = labels.export ?? ""), 1500);
  });
  const clearButton = R.el(document, "button", { type: "button", id: "caselog-clear",
    onclick: async () => { await Cases.clearAll(); await refresh(); } });
  const refresh = () => draw(bridge, context, { container, view, form, exportButton, clearButton })
    .catch((error) => console.error(error));
  container.replaceChildren(view, form, R.el(document, "div", { className: "row" }, exportButton, clearButton));
  section.addEventListener("toggle", () => /** @type {HTMLDetailsElement} */ (section).open && refresh());
  // The details fill the follow-up e-mail; "Clear my details" resets the form and deletes the logs.
  for (const type of ["change", "details-cleared"]) document.getElementById("details-form").addEventListener(type, refresh);
  refresh();
}

function caseKey(context) {
  return Cases.keyFor(context?.answer?.marketplace ?? null);
}

async function draw(bridge, context, parts) {
  const entries = await Cases.list(caseKey(context));
  const response = await bridge.call({
    op: "caselog",
    entries,
    marketplace: context?.answer?.marketplace ?? null,
    situation: context?.answer?.situation ?? null,
    language: context?.answer?.plan?.language ?? null,
    details: readDetails(document.getElementById("details-form")),
    today: Cases.today(),
  });
  if (!response.ok) {
    parts.view.textContent = message("errorAnalysis");
    return;
  }
  const log = response.result;
  const { labels } = log;
  const texts = labels.texts;
  parts.container.lang = labels.language;
  parts.container.dir = labels.direction;
  parts.view.dataset.export = log.export;
  parts.view.dataset.labels = JSON.stringify({ copied: texts.copied, export: texts.export });
  nameControls(parts, labels);
  parts.view.replaceChildren(...caseView(log));
}

/**
 * What a case shows, from Python's report (api op "caselog"): the entries, the follow-up date, the prefilled
 * follow-up e-mail. Shared with the options page (options/options.js), which shows every stored case this way.
 */
export function caseView(log) {
  const { labels } = log;
  const texts = labels.texts;
  return [
    entryList(log, labels),
    log.next_follow_up
      ? R.el(document, "p", { className: log.overdue ? "follow-up overdue" : "follow-up",
          "data-follow-up": log.next_follow_up, text: log.overdue ? texts.overdue : texts.next })
      : null,
    log.follow_up_email ? followUpLink(log.follow_up_email, texts) : null,
  ].filter(Boolean); // replaceChildren would write a null as the text "null"
}

/** The form's and buttons' words, in the case log's language; values and what the shopper typed stay. */
function nameControls(parts, labels) {
  const texts = labels.texts;
  const { form } = parts;
  const channel = form.querySelector("select[name=channel]");
  if (!channel.options.length) {
    channel.append(...Object.keys(labels.channels).map((id) => R.el(document, "option", { value: id })));
  }
  for (const option of channel.options) option.textContent = labels.channels[option.value] ?? option.value;
  channel.setAttribute("aria-label", texts["channel-label"]);
  for (const name of ["ticket", "note"]) {
    const input = form.querySelector(`input[name=${name}]`);
    input.setAttribute("aria-label", texts[`${name}-label`]);
    input.placeholder = texts[`${name}-label`];
  }
  form.querySelector("button[type=submit]").textContent = texts.add;
  parts.exportButton.textContent = texts.export;
  parts.clearButton.textContent = texts.clear;
}

function entryList(log, labels) {
  if (!log.entries.length) return R.el(document, "p", { className: "muted", text: labels.texts.empty });
  return R.el(document, "ol", { id: "caselog-entries" }, ...log.entries.map((entry) =>
    R.el(document, "li", { "data-step": entry.step || null, "data-outcome": entry.outcome || null },
      R.el(document, "time", { datetime: entry.when, text: entry.when }),
      R.el(document, "span", { text: ` · ${labels.channels[entry.channel] ?? entry.channel}` }),
      entry.ticket ? R.el(document, "span", { text: ` · #${entry.ticket}` }) : null,
      entry.note ? R.el(document, "span", { text: ` · ${entry.note}` }) : null,
      entry.outcome ? R.el(document, "span", { text: ` · ${labels.outcomes[entry.outcome] ?? entry.outcome}` })
        : null)));
}

function followUpLink(mail, texts) {
  const link = R.renderLink(document, { kind: "email", label: texts["follow-up-email"], url: mail.mailto, copy: mail },
    texts);
  link.append(R.el(document, "p", { className: "muted", text: texts["send-from"] }));
  return R.el(document, "ul", { className: "hg-links" }, link);
}

function addForm(onAdd) {
  const channel = R.el(document, "select", { name: "channel" });
  const ticket = R.el(document, "input", { name: "ticket" });
  const note = R.el(document, "input", { name: "note" });
  const form = R.el(document, "form", { id: "caselog-add", className: "row" }, channel, ticket, note,
    R.el(document, "button", { type: "submit" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await onAdd({ when: Cases.today(), channel: channel.value, ticket: ticket.value.trim(), note: note.value.trim() });
    ticket.value = "";
    note.value = "";
  });
  return form;
}
