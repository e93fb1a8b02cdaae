// Follow-up reminders (issue 12): one alarm per case log, "follow-up:<marketplace>", on the day Python says to follow
// up (holdguide.guidance.caselog: the channel's waiting days, skipping the marketplace's weekend), and a
// notification when it rings, whose click opens the options page at that case (options/options.html#case=...).
//
// Consent: nothing is scheduled unless the shopper switched reminders on in the options page, which asked for the
// optional `notifications` permission (a user gesture) and then stored CONSENT_KEY = true in storage.local. Without
// both, every "follow-up:*" alarm is removed. `alarms` itself is a required permission (Firefox refuses it as an
// optional one; it shows no install warning).
//
// The alarms follow the stored case logs: whenever a "case:*" key or the consent flag changes, and when the browser
// starts or the extension is installed or updated, `sync` makes the set of alarms match. Python is asked for the
// follow-up dates through the background's Python host only while reminders are on, so with the switch off nothing
// boots. The case log's entries are read through lib/case-store.js (well-formed, unexpired ones only).
//
// Every listener is registered synchronously when the service worker imports this module, so an alarm or a click
// can wake it.
import "../lib/case-store.js";
import { api, message } from "../lib/platform.js";
import { pythonHost } from "./python-host.js";

/** The test build (build.py, TEST_HOOK_FILES) switches this on to expose `globalThis.holdGuideReminders`. */
const TEST_HOOKS = false;

/** storage.local: true once the shopper switched reminders on (options page); removed when switched off. */
export const CONSENT_KEY = "reminders";
const ALARM_PREFIX = "follow-up:";
const CASE_PREFIX = "case:";
/** The reminder rings at this local hour on the follow-up day (not at midnight). */
const REMIND_AT_HOUR = 9;
const OPTIONS_PAGE = "options/options.html";

const Cases = globalThis[Symbol.for("hold-guide.cases")]; // lib/case-store.js

/** Serialised: a burst of storage changes (the popup writes a log, tidies the others) runs one sync after another. */
let syncing = Promise.resolve();

/** Make the "follow-up:*" alarms match the stored case logs and the consent; resolves to the alarms it wants. */
export function sync() {
  const run = syncing.then(syncNow, syncNow);
  syncing = run.catch((error) => console.warn("[hold guide] reminders not synced", error));
  return run;
}

async function syncNow() {
  const stored = await api.storage.local.get(null);
  const wanted = new Map();
  if (stored[CONSENT_KEY] === true && (await hasNotifications())) {
    for (const key of Object.keys(stored).filter((name) => name.startsWith(CASE_PREFIX))) {
      const marketplace = key.slice(CASE_PREFIX.length);
      const when = await followUpTime(marketplace, key);
      if (when !== null) wanted.set(`${ALARM_PREFIX}${marketplace}`, when);
    }
  }
  const existing = (await api.alarms.getAll()).filter((alarm) => alarm.name.startsWith(ALARM_PREFIX));
  for (const alarm of existing) if (!wanted.has(alarm.name)) await api.alarms.clear(alarm.name);
  for (const [name, when] of wanted) {
    if (existing.find((alarm) => alarm.name === name)?.scheduledTime !== when) await api.alarms.create(name, { when });
  }
  return Object.fromEntries(wanted);
}

/**
 * When to remind about one marketplace's log: REMIND_AT_HOUR local time on Python's follow-up day; for an overdue
 * case, the next such hour from now (so a reminder missed while the browser was closed still comes). Null without a
 * follow-up (no entries, or Python could not answer).
 */
async function followUpTime(marketplace, key) {
  const entries = await Cases.list(key);
  if (!entries.length) return null;
  const response = await pythonHost.call({
    op: "caselog", entries, marketplace: marketplace === "unknown" ? null : marketplace, today: Cases.today(),
  });
  const day = response?.ok ? response.result.next_follow_up : null;
  if (typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [year, month, date] = day.split("-").map(Number);
  const at = new Date(year, month - 1, date, REMIND_AT_HOUR);
  const now = new Date();
  if (at.getTime() > now.getTime()) return at.getTime();
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), REMIND_AT_HOUR);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime();
}

async function hasNotifications() {
  return api.permissions.contains({ permissions: ["notifications"] });
}

/** An alarm rang: a notification, only with the permission and the consent (either may have gone meanwhile). */
async function ring(alarm) {
  if (!alarm.name.startsWith(ALARM_PREFIX)) return;
  const consent = (await api.storage.local.get(CONSENT_KEY))[CONSENT_KEY] === true;
  if (!consent || !(await hasNotifications()) || !api.notifications) return;
  const marketplace = alarm.name.slice(ALARM_PREFIX.length);
  // The notification's id is the alarm's name: a click finds the case from it, a second ring replaces the first.
  await api.notifications.create(alarm.name, {
    type: "basic",
    iconUrl: api.runtime.getURL("icons/icon-128.png"),
    title: message("reminderTitle"),
    message: message("reminderMessage", [marketplace]),
  });
}

/** A click on a reminder opens the options page at its case. */
async function openCase(notificationId) {
  if (!notificationId.startsWith(ALARM_PREFIX)) return null;
  const marketplace = notificationId.slice(ALARM_PREFIX.length);
  await api.notifications?.clear(notificationId);
  return api.tabs.create({ url: api.runtime.getURL(`${OPTIONS_PAGE}#case=${encodeURIComponent(marketplace)}`) });
}

api.alarms.onAlarm.addListener((alarm) => {
  ring(alarm).catch((error) => console.warn("[hold guide] reminder not shown", error));
});

api.storage.onChanged.addListener((changes, area) => {
  if (area !== "local") return;
  if (Object.keys(changes).some((key) => key === CONSENT_KEY || key.startsWith(CASE_PREFIX))) sync();
});

// Browsers may drop alarms when they restart or update the extension: set them again then.
api.runtime.onStartup.addListener(() => sync());
api.runtime.onInstalled.addListener(() => sync());

/**
 * The `notifications` namespace exists only while the optional permission is held: listen for clicks now if it is,
 * and again when the options page gets it granted (the worker may be running since before the grant).
 */
function listenForClicks() {
  const events = api.notifications?.onClicked;
  if (events && !events.hasListener(onClicked)) events.addListener(onClicked);
}

function onClicked(id) {
  openCase(id).catch((error) => console.warn("[hold guide] reminder not opened", error));
}

listenForClicks();
api.permissions.onAdded?.addListener(() => listenForClicks());
api.permissions.onRemoved?.addListener(() => sync());

if (TEST_HOOKS) {
  // End-to-end tests cannot wait for a real alarm day nor click a system notification: they ring one and follow a
  // click through the same functions the listeners call.
  Object.defineProperty(globalThis, "holdGuideReminders", {
    value: Object.freeze({
      sync,
      fire: (name) => ring({ name, scheduledTime: Date.now() }),
      click: (notificationId) => openCase(notificationId),
    }),
  });
}
