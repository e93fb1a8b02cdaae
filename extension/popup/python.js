// Python for the popup: the background's (background/python-host.js: a Worker that is usually running already,
// because the background analysed the page as it loaded), so the popup's own thread never boots Pyodide; and, if
// the background cannot answer, Pyodide started here (lib/py-bridge.js, snapshot first) as the fallback.
//
// Same shape as the bridge: `call(request)` resolves to `{ok, result, ...}`; it rejects only when no Python could
// start at all (the popup then says the engine did not start).
import { api } from "../lib/platform.js";

export function popupPython() {
  let local = null;
  return {
    async call(request) {
      if (!local) {
        try {
          return await askBackground(request);
        } catch (error) {
          console.warn("[hold guide] the background's Python did not answer; starting it in the popup:", error);
          local = import("../lib/py-bridge.js").then(({ startPython }) => startPython());
        }
      }
      return (await local).call(request);
    },
  };
}

async function askBackground(request) {
  const response = await api.runtime.sendMessage({
    target: "background",
    type: "python",
    request: { ui_language: api.i18n.getUILanguage(), ...request },
  });
  if (!response || response.boot_failed) throw new Error(response?.error ?? "no answer");
  return response;
}

/** Hand an answer the popup shows back to the background, which keeps it for the tab and sets the badge. */
export function remember(tabId, { answer, detection, page, detailsErrors }) {
  return api.runtime
    .sendMessage({ target: "background", type: "remember", tabId, answer, detection, page, detailsErrors })
    .catch((error) => console.warn("[hold guide] answer not kept", error));
}
