// The case log in the popup: what was tried, when, with which ticket number; Python says when to follow
// up (skipping the marketplace's weekend), writes the follow-up e-mail and the export.
//
// Storage is lib/case-store.js (shared with the overlay, whose "done" buttons add entries here).
import { message } from "../lib/platform.js";
import { read as readDetails } from "./details.js";
import { popupLabels } from "./view.js";

const R = globalThis.HoldGuideRender;
const Cases = globalThis.HoldGuideCases;
const CHANNELS = ["chat", "call", "email", "post", "dm", "form", "other"];

/** `context` = {answer, page...} from popup.js, or null when no page could be read. */
export function setUpCaseLog(bridge, context) {
  const section = document.getElementById("caselog-section");
  const container = document.getElementById("caselog");
  // The add form and the buttons are built once, so a redraw never throws away what the shopper is typing;
  // only the view (entries, follow-up date, follow-up e-mail) is redrawn from storage and Python.
  const view = R.el(document, "div", { id: "caselog-view" });
  const refresh = () => draw(bridge, context, view).catch((error) => console.error(error));
  const exportButton = R.el(document, "button", { type: "button", id: "caselog-export", text: message("exportLog") });
  exportButton.addEventListener("click", async () => {
    const ok = await R.copyText(view.dataset.export ?? "");
    if (ok) exportButton.textContent = message("copied");
    setTimeout(() => (exportButton.textContent = message("exportLog")), 1500);
  });
  container.replaceChildren(
    view,
    addForm(async (entry) => {
      await Cases.add(caseKey(context), entry);
      await refresh();
    }),
    R.el(document, "div", { className: "row" }, exportButton,
      R.el(document, "button", { type: "button", id: "caselog-clear", text: message("clearLog"),
        onclick: async () => { await Cases.clearAll(); await refresh(); } })),
  );
  section.addEventListener("toggle", () => section.open && refresh());
  document.getElementById("details-form").addEventListener("change", refresh);
  refresh();
}

function caseKey(context) {
  const email = readDetails(document.getElementById("details-form")).email;
  return Cases.keyFor(context?.answer?.marketplace ?? null, email);
}

async function draw(bridge, context, view) {
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
    view.textContent = message("errorAnalysis");
    return;
  }
  const log = response.result;
  view.dataset.export = log.export;
  view.replaceChildren(
    entryList(log),
    log.next_follow_up
      ? R.el(document, "p", { className: log.overdue ? "follow-up overdue" : "follow-up", "data-follow-up": log.next_follow_up,
          text: message(log.overdue ? "followUpOverdue" : "followUpOn", [log.next_follow_up]) })
      : null,
    log.follow_up_email ? followUpLink(log.follow_up_email) : null,
  );
}

function entryList(log) {
  if (!log.entries.length) return R.el(document, "p", { className: "muted", text: message("caseLogEmpty") });
  return R.el(document, "ol", { id: "caselog-entries" }, ...log.entries.map((entry) =>
    R.el(document, "li", { "data-step": entry.step || null, "data-outcome": entry.outcome || null },
      R.el(document, "time", { datetime: entry.when, text: entry.when }),
      R.el(document, "span", { text: ` · ${message(`channel_${entry.channel}`)}` }),
      entry.ticket ? R.el(document, "span", { text: ` · #${entry.ticket}` }) : null,
      entry.note ? R.el(document, "span", { text: ` · ${entry.note}` }) : null,
      entry.outcome ? R.el(document, "span", { text: ` · ${message(`outcome_${entry.outcome}`)}` }) : null)));
}

function followUpLink(mail) {
  return R.el(document, "ul", { className: "hg-links" },
    R.renderLink(document, { kind: "email", label: message("followUpEmail"), url: mail.mailto, copy: mail },
      popupLabels()));
}

function addForm(onAdd) {
  const channel = R.el(document, "select", { name: "channel", "aria-label": message("channelLabel") },
    ...CHANNELS.map((id) => R.el(document, "option", { value: id, text: message(`channel_${id}`) })));
  const ticket = R.el(document, "input", { name: "ticket", "aria-label": message("ticketLabel"), placeholder: message("ticketLabel") });
  const note = R.el(document, "input", { name: "note", "aria-label": message("noteLabel"), placeholder: message("noteLabel") });
  const form = R.el(document, "form", { id: "caselog-add", className: "row" }, channel, ticket, note,
    R.el(document, "button", { type: "submit", text: message("addEntry") }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await onAdd({ when: Cases.today(), channel: channel.value, ticket: ticket.value.trim(), note: note.value.trim() });
    ticket.value = "";
    note.value = "";
  });
  return form;
}
