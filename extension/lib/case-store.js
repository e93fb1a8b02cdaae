// The case log in extension storage: what the shopper tried, when, with which ticket number.
//
// Shared by the popup (<script>) and the overlay (injected before content/overlay.js) so both write the
// same shape: storage.local["case:<marketplace>|<account e-mail>"] = [{when, channel, ticket, note, step,
// outcome}], dates as YYYY-MM-DD. Python (holdguide.guidance.caselog) computes follow-up dates, the follow-up
// e-mail and the export from these entries; this file only stores them. Extension storage is not
// readable by web pages, so the account e-mail in the key never reaches the page.
(() => {
  if (globalThis.HoldGuideCases) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const PREFIX = "case:";

  function keyFor(marketplace, email) {
    return `${PREFIX}${marketplace || "unknown"}|${(email || "").trim().toLowerCase()}`;
  }

  async function list(key) {
    return (await api.storage.local.get(key))[key] ?? [];
  }

  async function add(key, entry) {
    const entries = await list(key);
    entries.push({ when: entry.when, channel: entry.channel ?? "other", ticket: entry.ticket ?? "",
      note: entry.note ?? "", step: entry.step ?? "", outcome: entry.outcome ?? "" });
    await api.storage.local.set({ [key]: entries });
    return entries;
  }

  async function clear(key) {
    await api.storage.local.remove(key);
  }

  async function clearAll() {
    const everything = await api.storage.local.get(null);
    await api.storage.local.remove(Object.keys(everything).filter((k) => k.startsWith(PREFIX)));
  }

  /** The latest outcome per step id ("done" or "failed"), for the overlay's step marks. */
  async function progress(key) {
    const marks = {};
    for (const entry of await list(key)) if (entry.step && entry.outcome) marks[entry.step] = entry.outcome;
    return marks;
  }

  /** Today as YYYY-MM-DD in the shopper's own time zone (the popup passes it on, so the overlay agrees). */
  function today() {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  }

  globalThis.HoldGuideCases = { keyFor, list, add, clear, clearAll, progress, today };
})();
