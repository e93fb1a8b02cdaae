// The "your details" form. Python validates and uses the details; this file only keeps them.
//
// Privacy: by default the details live in storage.session (gone when the browser closes); "remember on this
// device" is an explicit opt-in that moves them to storage.local; "clear" wipes both and every case log (the case
// log holds ticket numbers and notes: lib/case-store.js), then tells the case-log panel ("details-cleared").
import { api } from "../lib/platform.js";

const KEY = "details";
const DEBOUNCE_MS = 200;
const FIELDS = ["name", "email", "order", "tickets"];
const Cases = globalThis[Symbol.for("hold-guide.cases")]; // lib/case-store.js

/** Fill the form from storage, call `onChange(details)` now and after every edit (debounced). */
export async function watchDetails(onChange) {
  const form = /** @type {HTMLFormElement} */ (document.getElementById("details-form"));
  const { stored, remembered } = await load();
  for (const [name, value] of Object.entries(stored)) form.elements[name].value = value;
  const remember = /** @type {HTMLInputElement} */ (form.elements.namedItem("remember"));
  remember.checked = remembered;

  let timer;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const details = read(form);
      await save(details, remember.checked);
      await onChange(details);
    }, DEBOUNCE_MS);
  };
  form.addEventListener("input", changed);
  document.getElementById("details-clear").addEventListener("click", async () => {
    form.reset();
    await api.storage.session.remove(KEY);
    await api.storage.local.remove(KEY);
    await Cases.clearAll();
    form.dispatchEvent(new Event("details-cleared"));
    await onChange(read(form));
  });
  await onChange(read(form));
}

/** The raw form values; Python decides what is valid (holdguide.guidance.details.validate_details, called by api.py). */
export function read(form) {
  return {
    name: form.elements.name.value,
    email: form.elements.email.value,
    order: form.elements.order.value,
    tickets: form.elements.tickets.value,
  };
}

async function load() {
  const local = (await api.storage.local.get(KEY))[KEY];
  if (local) return { stored: wellFormed(local), remembered: true };
  const session = (await api.storage.session.get(KEY))[KEY];
  return { stored: wellFormed(session), remembered: false };
}

/** The stored details field by field: a field of the wrong type is left out, the others are kept. */
function wellFormed(stored) {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const text = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ") : value);
  return Object.fromEntries(FIELDS.map((name) => [name, text(stored[name])]).filter(([, v]) => typeof v === "string"));
}

async function save(details, remember) {
  const empty = Object.values(details).every((value) => !value);
  const keep = remember ? api.storage.local : api.storage.session;
  const drop = remember ? api.storage.session : api.storage.local;
  await drop.remove(KEY);
  if (empty) await keep.remove(KEY);
  else await keep.set({ [KEY]: details });
}
