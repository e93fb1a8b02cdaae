// The toolbar button's badge and title for one tab: "!" where a hold, a lock, a closure or a fake was found, with
// a title saying which; the default otherwise. The situation's name is Python's (the plan's `situation_label`, in
// the plan's language, as the popup shows it); the rest comes from the extension's own _locales.
import { api, message } from "../lib/platform.js";

const COLOURS = { hold: "#c45500", fake: "#b00020" };

/** Show what `answer` found on tab `tabId`, or clear the badge when it found nothing (or `answer` is null). */
export async function showBadge(tabId, answer) {
  const found = Boolean(answer && (answer.phishing || answer.situation !== "none"));
  const title = found ? badgeTitle(answer) : message("actionTitle");
  try {
    await Promise.all([
      api.action.setBadgeText({ tabId, text: found ? "!" : "" }),
      api.action.setTitle({ tabId, title }),
      found && api.action.setBadgeBackgroundColor({ tabId, color: answer.phishing ? COLOURS.fake : COLOURS.hold }),
    ]);
  } catch (error) {
    console.debug("badge not set (tab closed?)", error); // the tab went away meanwhile: nothing to show
  }
}

function badgeTitle(answer) {
  if (answer.phishing) return `${message("extName")}: ${message("phishingTitle")}`;
  const situation = answer.plan?.situation_label ?? answer.situation;
  return `${message("extName")}: ${situation}${answer.marketplace ? ` (${answer.marketplace})` : ""}`;
}
