// A module Worker that runs Python for the background (Chrome: inside the offscreen document; Firefox: inside the
// event page). Pyodide 314 refuses classic workers, hence `{type: "module"}` where it is created.
//
// Protocol (lib/worker-client.js is the other side): in `{id, request}`, out `{id, response}` where `response` is
// what `bridge.call(request)` gives; a failed start answers `{ok: false, error, boot_failed: true}`. Right after
// starting it posts `{boot}` once: how Python started (snapshot or plain, and how long it took).
// Python starts at once, before the first request: the page that made us is usually still loading.
import { startPython } from "../lib/py-bridge.js";

const python = startPython();
python.then(
  (bridge) => postMessage({ boot: bridge.boot }),
  (error) => postMessage({ boot: { path: "failed", error: String(error?.message ?? error) } }),
);

onmessage = async ({ data: { id, request } }) => {
  let response;
  try {
    response = await (await startPython()).call(request);
  } catch (error) {
    response = { ok: false, error: String(error?.message ?? error), boot_failed: true };
  }
  postMessage({ id, response });
};
