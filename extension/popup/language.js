// The shopper's choice of the plan's language (contract: the user's choice, else the page's language, else
// the marketplace's default; Python applies the rule). "Automatic" leaves it to Python. The choice is a
// preference, not personal data, so it is remembered on this device.
import { api } from "../lib/platform.js";
import { options } from "./choices.js";

const KEY = "planLanguage";
const select = () => /** @type {HTMLSelectElement} */ (document.getElementById("plan-language"));

/** The chosen language code, or null for automatic. */
export function planLanguage() {
  return select().value || null;
}

/** Fill the choice from Python's languages, restore the stored one, and call `onChange` when it changes. */
export async function setUpLanguage(bridge, onChange) {
  const { languages } = await options(bridge);
  select().append(...languages.map(({ code, name }) => new Option(name, code)));
  const stored = String((await api.storage.local.get(KEY))[KEY] ?? "");
  if (languages.some(({ code }) => code === stored)) select().value = stored;
  select().addEventListener("change", async () => {
    if (planLanguage()) await api.storage.local.set({ [KEY]: planLanguage() });
    else await api.storage.local.remove(KEY);
    await onChange();
  });
}
