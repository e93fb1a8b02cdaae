// The ONLY file that touches Pyodide.
//
// Contract: `startPython()` boots the runtime shipped inside the extension (never a CDN), installs our wheel
// and resolves to `{ call(request) }`; `call` sends one plain JSON object to `holdguide.api.run_json` and
// resolves to the parsed JSON response (`{ok: true, result, ...}` or `{ok: false, error}`). Nothing but JSON
// strings crosses the boundary, so no Python object ever leaks into the UI (see py/holdguide/api.py).
//
// Start-up, step by step:
//   1. import Pyodide's ES module from ../pyodide/ (files copied unmodified from npm by build.py);
//   2. loadPyodide() with our own lock file, guarded by a timeout: when the CSP lacks 'wasm-unsafe-eval'
//      the wasm compile is blocked and loadPyodide() hangs forever without rejecting;
//   3. loadPackage("holdguide"): the wheel listed (with its sha256) in the lock file build.py wrote;
//   4. import holdguide.api once and keep `run_json` for every later call.
// Works in an extension page (the popup) and in a module Worker alike: every URL comes from import.meta.url.

import { loadPyodide } from "../pyodide/pyodide.mjs";

const BOOT_TIMEOUT_MS = 30_000;
const PYODIDE_DIR = new URL("../pyodide/", import.meta.url).href;

let booting = null;

/** Boot once per page; later calls share the same runtime (the popup calls Python on every keystroke). */
export function startPython({ timeoutMs = BOOT_TIMEOUT_MS } = {}) {
  booting ??= withTimeout(boot(), timeoutMs).catch((error) => {
    booting = null; // a later attempt may succeed (e.g. after the popup is reopened)
    throw error;
  });
  return booting;
}

async function boot() {
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_DIR,
    lockFileURL: `${PYODIDE_DIR}holdguide-lock.json`,
    packages: [],
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  });
  await pyodide.loadPackage("holdguide", { messageCallback: () => {}, errorCallback: (m) => console.warn(m) });
  const runJson = pyodide.pyimport("holdguide.api").run_json;
  return {
    /** One request object in, the parsed response out. */
    async call(request) {
      return JSON.parse(runJson(JSON.stringify({ ui_language: uiLanguage(), ...request })));
    },
  };
}

/** The browser's UI language, so Python words its form errors like the popup's own labels. */
function uiLanguage() {
  return globalThis.chrome?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? null;
}

class PythonTimeoutError extends Error {}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new PythonTimeoutError(`The Python runtime did not start within ${ms / 1000} s.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export { PythonTimeoutError };
