// The case log in extension storage: what the shopper tried, when, with which ticket number.
//
// Shared by the popup (<script>) and the overlay (injected before content/overlay.js) so both write the same
// shape: storage.local["case:<marketplace>"] = [{when, channel, ticket, note, step, outcome}], dates as
// YYYY-MM-DD. Python (holdguide.guidance.caselog) computes follow-up dates, the follow-up e-mail and the export
// from these entries; this file only stores them. Extension storage is not readable by web pages.
//
// Privacy (issue 9): the key names the marketplace only, never the shopper's e-mail address; an entry is deleted
// MAX_AGE_DAYS after its date (whenever a log is read or written, and at each popup start for every log); "Clear my
// details" and the case log's own button delete every log (clearAll). Keys of the old form
// "case:<marketplace>|<e-mail>" are merged into their marketplace's log and deleted (tidy).
//
// Stored data is read defensively, entry by entry: a log that is not a list counts as empty, an entry that is not
// an object with a YYYY-MM-DD date is skipped, a field of the wrong type becomes empty; the next write keeps only
// the good entries, so one bad entry never costs the others.
(() => {
  const CASES = Symbol.for("hold-guide.cases");
  if (globalThis[CASES]) return;
  // Own properties only: on a page, an element with id="browser" becomes window.browser in Chrome's content-script
  // world too (DOM clobbering), which a plain `globalThis.browser ?? globalThis.chrome` would take for the API.
  // Firefox (153 ESR) defines them on its extension pages lazily, at their first use by name, and `chrome` there as an
  // accessor: read each once by name (a clobbering element only answers that read; it is never an own property), then
  // take the own property, a value or a getter's.
  const own = (name) => {
    void globalThis[name];
    const found = Object.getOwnPropertyDescriptor(globalThis, name);
    return found && ("value" in found ? found.value : found.get?.call(globalThis));
  };
  const api = own("browser")?.storage ? own("browser") : own("chrome");
  const PREFIX = "case:";
  /** How long an entry is kept after its date; the popup states it (_locales "caseLogHint"). */
  const MAX_AGE_DAYS = 180;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const FIELDS = ["channel", "ticket", "note", "step", "outcome"];
  const MAX_FIELD = 2_000;

  /** The storage key of a marketplace's log ("case:amazon.de"); the e-mail address plays no part. */
  function keyFor(marketplace) {
    return `${PREFIX}${typeof marketplace === "string" && marketplace ? marketplace : "unknown"}`;
  }

  /** One stored entry as a clean object, or null when it is not an entry at all. */
  function clean(entry) {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) return null;
    if (typeof entry.when !== "string" || !DATE.test(entry.when)) return null;
    const out = { when: entry.when };
    for (const field of FIELDS) out[field] = typeof entry[field] === "string" ? entry[field].slice(0, MAX_FIELD) : "";
    out.channel ||= "other";
    return out;
  }

  /** The first day still kept, as YYYY-MM-DD (entries dated before it have expired). */
  function oldestKept(today = todayString()) {
    const day = new Date(`${today}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - MAX_AGE_DAYS);
    return day.toISOString().slice(0, 10);
  }

  /** The good, unexpired entries of a stored value (anything at all), oldest first as stored. */
  function entriesOf(stored, today) {
    if (!Array.isArray(stored)) return [];
    const since = oldestKept(today);
    return stored.map(clean).filter((entry) => entry && entry.when >= since);
  }

  async function list(key) {
    return entriesOf((await api.storage.local.get(key))[key]);
  }

  async function add(key, entry) {
    const entries = await list(key);
    const added = clean({ ...entry, when: entry.when ?? todayString() });
    if (added) entries.push(added);
    await api.storage.local.set({ [key]: entries });
    return entries;
  }

  async function clear(key) {
    await api.storage.local.remove(key);
  }

  /** Every case log, every marketplace ("Clear my details", the case log's clear button). */
  async function clearAll() {
    await api.storage.local.remove(caseKeys(await api.storage.local.get(null)));
  }

  function caseKeys(everything) {
    return Object.keys(everything).filter((key) => key.startsWith(PREFIX));
  }

  /**
   * Bring every stored log to today's form: merge the old e-mail-keyed logs into their marketplace's, drop expired
   * and malformed entries, delete logs left empty. Run once at each popup start.
   */
  async function tidy(today = todayString()) {
    const everything = await api.storage.local.get(null);
    const merged = {};
    for (const key of caseKeys(everything)) {
      const target = key.includes("|") ? key.slice(0, key.indexOf("|")) : key; // "case:amazon.de|x@y" -> "case:amazon.de"
      (merged[target] ??= []).push(...entriesOf(everything[key], today));
    }
    const stale = caseKeys(everything).filter((key) => !merged[key]?.length);
    const keep = Object.fromEntries(Object.entries(merged).filter(([, entries]) => entries.length)
      .map(([key, entries]) => [key, unique(entries).sort((a, b) => a.when.localeCompare(b.when))]));
    if (stale.length) await api.storage.local.remove(stale);
    if (Object.keys(keep).length) await api.storage.local.set(keep);
  }

  /** Entries without exact duplicates (the same contact kept under two old keys). */
  function unique(entries) {
    const seen = new Set();
    return entries.filter((entry) => {
      const id = JSON.stringify(entry);
      return !seen.has(id) && seen.add(id);
    });
  }

  /** The latest outcome per step id ("done" or "failed"), for the overlay's step marks. */
  async function progress(key) {
    const marks = {};
    for (const entry of await list(key)) if (entry.step && entry.outcome) marks[entry.step] = entry.outcome;
    return marks;
  }

  /** Today as YYYY-MM-DD in the shopper's own time zone (the popup passes it on, so the overlay agrees). */
  function todayString() {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  }

  const store = { keyFor, list, add, clear, clearAll, tidy, progress, today: todayString, MAX_AGE_DAYS };
  Object.defineProperty(globalThis, CASES, { value: Object.freeze(store) });
})();
