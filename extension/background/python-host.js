// Python for the background: one module Worker running lib/py-bridge.js (offscreen/python-worker.js), hosted where
// the browser allows (lib/platform.js): Chrome's offscreen document, Firefox's event page.
//
// `pythonHost.warm()` starts it (the page that asks is still loading), `call(request)` resolves to the bridge's
// response, `status()` says whether it runs and how Python started (for tests and the benchmark).
import { api, backgroundRunsWorkers } from "../lib/platform.js";
import { createWorkerClient } from "../lib/worker-client.js";

const OFFSCREEN_URL = "offscreen/offscreen.html";

export const pythonHost = backgroundRunsWorkers ? eventPageHost() : offscreenHost();

/** Firefox: the Worker runs in the event page itself; it stops when idle, and the event page unloads. */
function eventPageHost() {
  const client = createWorkerClient();
  return {
    warm: async () => client.start(),
    call: (request) => client.call(request),
    status: async () => client.status(),
  };
}

/** Chrome: an offscreen document hosts the Worker and closes itself when idle (offscreen/offscreen.js). */
function offscreenHost() {
  let creating = null;

  async function exists() {
    return (await api.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] })).length > 0;
  }

  async function ensureDocument() {
    if (creating) return creating; // being made: its listener is not there until it has loaded
    if (await exists()) return;
    creating ??= api.offscreen
      .createDocument({
        url: OFFSCREEN_URL,
        reasons: ["WORKERS"],
        justification: "Runs Hold Guide's Python analysis of Amazon account pages in a Worker, on this device.",
      })
      .catch((error) => {
        // Two callers racing after a service-worker restart: the other one made it, which is all we need.
        if (!/single offscreen/i.test(String(error?.message))) throw error;
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  }

  /** The document may close itself between the check and the message (idle): then make it again, once. */
  async function call(request) {
    let lastError;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await ensureDocument();
        const response = await api.runtime.sendMessage({ target: "offscreen", request });
        if (response) return response;
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return { ok: false, error: `offscreen document: ${lastError?.message ?? "no answer"}`, boot_failed: true };
  }

  return {
    warm: ensureDocument,
    call,
    async status() {
      if (!(await exists())) return { running: false, boot: null, pending: 0 };
      return api.runtime.sendMessage({ target: "offscreen", type: "status" });
    },
  };
}
