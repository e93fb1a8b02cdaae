// The options page (issue 12): what Hold Guide keeps, and the shopper's control over it.
//
// - The details: remembered on this device (storage.local) or kept for the session (storage.session), as
//   popup/details.js stores them; the case log of each marketplace (lib/case-store.js), drawn as the popup's case
//   log draws it (popup/caselog.js `caseView`: Python's entries, follow-up date and prefilled follow-up e-mail).
// - Export: everything shown, as a JSON file made here (a blob URL and <a download>; nothing leaves the browser).
// - Delete all: storage.local and storage.session emptied (details, case logs, the answers kept per tab, the plan
//   language, the reminders' consent), and the reminders switched off.
// - The reminders' switch: on asks for the optional `notifications` permission (it must be the first thing the
//   click does: browsers grant a permission only during a user gesture) and stores the consent flag that
//   background/reminders.js waits for; off removes the flag, the alarms and the permission.
// - `#case=<marketplace>` (a reminder's click opens it) marks that case, scrolls to it and shows its follow-up e-mail.
//
// `#options[data-loaded]` says how far the page is: "no", "storage" (read and shown), then "ready" (Python's words
// drawn for every case, or the plain entries kept where Python could not answer).
import { api, localizePage, message } from "../lib/platform.js";
import { caseView } from "../popup/caselog.js";
import { popupPython } from "../popup/python.js";

const Cases = globalThis[Symbol.for("hold-guide.cases")]; // lib/case-store.js
const R = globalThis[Symbol.for("hold-guide.render")]; // lib/render-plan.js
/** The keys other modules store under: background/reminders.js, popup/details.js, popup/language.js. */
const CONSENT_KEY = "reminders";
const DETAILS_KEY = "details";
const PLAN_LANGUAGE_KEY = "planLanguage";
const CASE_PREFIX = "case:";
const ALARM_PREFIX = "follow-up:";
/** @type {chrome.permissions.Permissions} */
const NOTIFICATIONS = { permissions: ["notifications"] };
/** The details form's fields and the popup's labels for them. */
const DETAIL_LABELS = { name: "nameLabel", email: "emailLabel", order: "orderLabel", tickets: "ticketsLabel" };

const page = document.getElementById("options");
const toggle = /** @type {HTMLInputElement} */ (document.getElementById("reminders-switch"));
const python = popupPython();
/** Each call of `show` draws only if no later one started meanwhile (e.g. after "Delete all"). */
let drawing = 0;

localizePage();
toggle.addEventListener("change", () => {
  (toggle.checked ? switchOn() : switchOff()).catch((error) => console.error(error));
});
document.getElementById("export").addEventListener("click", () => exportData().catch((error) => console.error(error)));
document.getElementById("delete-all").addEventListener("click", () => deleteAllOnSecondClick());
addEventListener("hashchange", () => highlight());
show().catch((error) => console.error(error));

/** Everything the page shows and the export holds, read from storage. */
async function readStored() {
  const [local, session] = await Promise.all([api.storage.local.get(null), api.storage.session.get(DETAILS_KEY)]);
  const cases = {};
  for (const key of Object.keys(local).filter((name) => name.startsWith(CASE_PREFIX)).sort()) {
    const entries = await Cases.list(key); // well-formed, unexpired entries only
    if (entries.length) cases[key.slice(CASE_PREFIX.length)] = entries;
  }
  const where = local[DETAILS_KEY] ? "device" : session[DETAILS_KEY] ? "session" : null;
  return {
    details: { where, values: detailValues(local[DETAILS_KEY] ?? session[DETAILS_KEY]) },
    cases,
    planLanguage: typeof local[PLAN_LANGUAGE_KEY] === "string" ? local[PLAN_LANGUAGE_KEY] : null,
    reminders: local[CONSENT_KEY] === true,
  };
}

/** The stored details field by field, as text; anything else is left out (storage is read defensively). */
function detailValues(stored) {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const text = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ") : value);
  return Object.fromEntries(Object.keys(DETAIL_LABELS).map((name) => [name, text(stored[name])])
    .filter(([, value]) => typeof value === "string" && value));
}

async function show() {
  const run = ++drawing;
  page.dataset.loaded = "no";
  page.setAttribute("aria-busy", "true");
  const stored = await readStored();
  if (run !== drawing) return;
  toggle.checked = stored.reminders && (await api.permissions.contains(NOTIFICATIONS));
  showDetails(stored.details);
  const views = showCases(stored.cases);
  page.dataset.loaded = "storage";
  highlight();
  await Promise.all(Object.entries(stored.cases).map(([marketplace, entries]) =>
    fillCase(views[marketplace], marketplace, entries, stored)));
  if (run !== drawing) return;
  page.dataset.loaded = "ready";
  page.setAttribute("aria-busy", "false");
  highlight(); // the case grew: scroll to it again
}

function showDetails({ where, values }) {
  document.getElementById("details-where").textContent = where === "device" ? message("storedDetailsDevice")
    : where === "session" ? message("storedDetailsSession") : message("storedDetailsNone");
  document.getElementById("details-list").replaceChildren(...Object.entries(values).flatMap(([name, value]) => [
    R.el(document, "dt", { text: message(DETAIL_LABELS[name]) }),
    R.el(document, "dd", { "data-field": name, text: value }),
  ]));
}

/** One section per marketplace with its plain entries; Python's view replaces them (`fillCase`). */
function showCases(cases) {
  const views = {};
  const sections = Object.entries(cases).map(([marketplace, entries]) => {
    views[marketplace] = R.el(document, "div", { className: "case-view" }, plainEntries(entries));
    return R.el(document, "section", { className: "case", "data-marketplace": marketplace, tabindex: "-1" },
      R.el(document, "h3", { text: marketplace === "unknown" ? message("storedCaseUnknown") : marketplace }),
      views[marketplace]);
  });
  document.getElementById("cases").replaceChildren(...sections);
  document.getElementById("cases-empty").hidden = sections.length > 0;
  return views;
}

function plainEntries(entries) {
  return R.el(document, "ol", { className: "case-entries" }, ...entries.map((entry) =>
    R.el(document, "li", { text: [entry.when, entry.channel, entry.ticket && `#${entry.ticket}`, entry.note]
      .filter(Boolean).join(" · ") })));
}

/** Python's report for one case, drawn like the popup's case log (in the plan's language). */
async function fillCase(view, marketplace, entries, stored) {
  try {
    const response = await python.call({
      op: "caselog", entries, marketplace: marketplace === "unknown" ? null : marketplace,
      language: stored.planLanguage, details: stored.details.values, today: Cases.today(),
    });
    if (!response.ok) throw new Error(response.error);
    const log = response.result;
    view.lang = log.labels.language;
    view.dir = log.labels.direction;
    view.replaceChildren(...caseView(log));
  } catch (error) {
    console.warn("[hold guide] case shown without Python's words", error); // the plain entries stay
  }
}

/** Mark, and scroll to, the case named by `#case=<marketplace>`. */
function highlight() {
  const wanted = new URLSearchParams(location.hash.slice(1)).get("case");
  for (const section of document.querySelectorAll(".case")) {
    const current = /** @type {HTMLElement} */ (section).dataset.marketplace === wanted;
    section.classList.toggle("current", current);
    if (current) {
      section.setAttribute("aria-current", "true");
      section.scrollIntoView({ block: "start" });
      /** @type {HTMLElement} */ (section).focus({ preventScroll: true });
    } else {
      section.removeAttribute("aria-current");
    }
  }
}

async function switchOn() {
  const status = document.getElementById("reminders-status");
  status.textContent = "";
  // First, while the click still counts as a gesture. Firefox refuses to request a permission the manifest does not
  // list as optional (the test build holds it as a required one): then what counts is whether it is held.
  const granted = await api.permissions.request(NOTIFICATIONS).catch(() => api.permissions.contains(NOTIFICATIONS));
  if (!granted) {
    toggle.checked = false;
    status.textContent = message("remindersDenied");
    return;
  }
  await api.storage.local.set({ [CONSENT_KEY]: true }); // background/reminders.js schedules the alarms
}

/** No consent, no alarms, no permission (the background's own sync removes the alarms too). */
async function switchOff() {
  toggle.checked = false;
  await api.storage.local.remove(CONSENT_KEY);
  const alarms = await api.alarms.getAll();
  await Promise.all(alarms.filter((alarm) => alarm.name.startsWith(ALARM_PREFIX)).map((alarm) => api.alarms.clear(alarm.name)));
  // The test build holds it as a required permission, which cannot be removed: nothing to do then.
  await api.permissions.remove(NOTIFICATIONS).catch(() => false);
}

/** The stored data as a JSON file, made and saved here: nothing is sent anywhere. */
async function exportData() {
  const stored = await readStored();
  const data = {
    format: "hold-guide-export",
    version: api.runtime.getManifest().version,
    exported: new Date().toISOString(),
    details: stored.details.where ? { kept: stored.details.where, ...stored.details.values } : null,
    caseLogs: stored.cases,
    planLanguage: stored.planLanguage,
    reminders: stored.reminders,
  };
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" }));
  const link = R.el(document, "a", { href: url, download: `hold-guide-data-${Cases.today()}.json`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // the download has read it by then
}

/** How long the armed delete button waits for its second click. */
const CONFIRM_MS = 8_000;
let disarm = 0;

/**
 * A misclick must not wipe the case log (the record of every contact made): the first click arms the button and
 * says what a second one deletes; it disarms itself after CONFIRM_MS.
 */
function deleteAllOnSecondClick() {
  const button = /** @type {HTMLButtonElement} */ (document.getElementById("delete-all"));
  if (button.dataset.armed !== "true") {
    button.dataset.armed = "true";
    button.textContent = message("deleteAllConfirm");
    disarm = setTimeout(() => resetDeleteButton(button), CONFIRM_MS);
    return;
  }
  clearTimeout(disarm);
  resetDeleteButton(button);
  deleteAll().catch((error) => console.error(error));
}

function resetDeleteButton(button) {
  delete button.dataset.armed;
  button.textContent = message("deleteAllButton");
}

async function deleteAll() {
  await switchOff();
  await Promise.all([api.storage.local.clear(), api.storage.session.clear()]);
  document.getElementById("data-status").textContent = message("deletedAll");
  await show();
}
