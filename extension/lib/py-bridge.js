// The ONLY file that touches Pyodide.
//
// Contract: `startPython()` boots the runtime shipped inside the extension (never a CDN), with our package in it,
// and resolves to `{ call(request), boot }`; `call` sends one plain JSON object to `holdguide.api.run_json` and
// resolves to the parsed JSON response (`{ok: true, result, ...}` or `{ok: false, error}`). Nothing but JSON
// strings crosses the boundary, so no Python object ever leaks into the UI (see py/holdguide/api.py). `boot` says
// how it started: `{path: "snapshot" | "plain", ms, snapshotError?}`.
//
// Start-up, step by step:
//   1. import Pyodide's ES module from ../pyodide/ (files copied unmodified from npm by build.py);
//   2. start from the memory snapshot build.py made (pyodide/holdguide-snapshot.bin: Pyodide's heap with our
//      package imported and its data read), which is several times faster than a plain start:
//        a. loadPyodide({_loadSnapshot}) (a private option of Pyodide 314, pinned by build.py);
//        b. check the snapshot was made from the wheel we ship (its sha256, recorded in the heap, against the
//           wheel's bytes and our lock file);
//        c. write the wheel back where Python imported our package from (the snapshot imports it straight from
//           the zip): the in-memory file system is not part of the snapshot, and a data file first read after the
//           restore must be found;
//        d. reseed `random` (the snapshot holds the state it was made with);
//      whenever any of this fails, fall back to 3;
//   3. the plain start: loadPyodide() with our own lock file, then loadPackage("holdguide"): the wheel listed (with
//      its sha256) in that lock file;
//   4. import holdguide.api once and keep `run_json` for every later call.
// The whole start is guarded by a timeout: when the CSP lacks 'wasm-unsafe-eval' the wasm compile is blocked and
// loadPyodide() hangs forever without rejecting. Each start (2 and 3) also fails fast when the wasm does not compile
// or instantiate (`failFastOnWasm`): a corrupted pyodide.asm.wasm fails in well under a second, and the popup then
// says so with a retry button instead of spinning until the timeout.
// Works in an extension page (the popup) and in a module Worker alike: every URL comes from import.meta.url.

import { loadPyodide } from "../pyodide/pyodide.mjs";

const BOOT_TIMEOUT_MS = 30_000;
const SNAPSHOT_TIMEOUT_MS = 10_000; // then the plain start still has time before the guard above
const PYODIDE_URL = new URL("../pyodide/", import.meta.url);
const LOCK_URL = new URL("holdguide-lock.json", PYODIDE_URL);
const SNAPSHOT_URL = new URL("holdguide-snapshot.bin", PYODIDE_URL);

let booting = null;

/**
 * Boot once per page or worker; later calls share the same runtime (the popup calls Python on every keystroke).
 * `snapshot: false` skips step 2 (the benchmark and the tests compare both starts).
 */
export function startPython({ timeoutMs = BOOT_TIMEOUT_MS, snapshot = true } = {}) {
  booting ??= withTimeout(boot(snapshot), timeoutMs).catch((error) => {
    booting = null; // a later attempt may succeed (e.g. after the popup is reopened)
    throw error;
  });
  return booting;
}

async function boot(useSnapshot) {
  const started = performance.now();
  let snapshotError;
  if (useSnapshot) {
    try {
      const pyodide = await withTimeout(failFastOnWasm(startFromSnapshot), SNAPSHOT_TIMEOUT_MS);
      return bridge(pyodide, { path: "snapshot", ms: Math.round(performance.now() - started) });
    } catch (error) {
      snapshotError = String(error?.message ?? error).slice(0, 300);
      console.warn("[hold guide] starting from the snapshot failed, starting plainly:", snapshotError);
    }
  }
  const pyodide = await failFastOnWasm(startPlainly);
  return bridge(pyodide, { path: "plain", ms: Math.round(performance.now() - started), snapshotError });
}

/** Step 2: the snapshot, checked against our wheel, with the wheel's files written again. */
async function startFromSnapshot() {
  const snapshot = fetchBytes(SNAPSHOT_URL).then(heapFromPages);
  const wheel = fetchJson(LOCK_URL).then(async (lock) => {
    const entry = lock.packages.holdguide;
    const bytes = await fetchBytes(new URL(entry.file_name, LOCK_URL));
    if ((await sha256(bytes)) !== entry.sha256) throw new Error("the wheel does not match the lock file");
    return { bytes, sha256: entry.sha256 };
  });
  // Both are awaited below (the snapshot inside loadPyodide); an early failure must not count as unhandled.
  snapshot.catch(() => {});
  wheel.catch(() => {});
  const pyodide = await withMemoryFor(snapshot, () => loadPyodide({ ...commonOptions(), _loadSnapshot: snapshot }));
  const { bytes, sha256: shipped } = await wheel;
  const madeFrom = pyodide.globals.get("HOLDGUIDE_WHEEL_SHA256");
  if (madeFrom !== shipped) throw new Error(`the snapshot was made from another wheel (${madeFrom})`);
  pyodide.FS.writeFile(WHEEL_PATH, bytes);
  pyodide.runPython(AFTER_RESTORE);
  return pyodide;
}

/**
 * Run `start` (a loadPyodide from a snapshot) with wasm memory large enough for the snapshot's heap.
 *
 * Pyodide 314.0.7 copies the heap into the module's memory as instantiated (`HEAP8.set`), and that memory is the
 * module's own (exported, 30 MiB), so its `INITIAL_MEMORY = snapshot length` has no effect: a heap that grew past
 * 30 MiB before the snapshot fails to restore ("offset is out of bounds"). Our warm-up grows it to about 36 MiB, so
 * while Pyodide instantiates its module here, the memory is grown to the heap's size first (whole 64 KiB pages).
 */
async function withMemoryFor(snapshot, start) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const grown = async (pending) => {
    const result = await pending;
    const exports = (result.instance ?? result).exports; // instantiate(module) gives the instance itself
    if (typeof exports?.Py_InitializeFromConfig === "function") {
      const heap = await snapshot; // Pyodide has it by then: it sized its settings from it
      const missing = Math.ceil((heap.length - exports.memory.buffer.byteLength) / 65_536);
      if (missing > 0) exports.memory.grow(missing);
    }
    return result; // anything else instantiated meanwhile (Node's own fetch does) passes untouched
  };
  WebAssembly.instantiate = (...args) => grown(instantiate.apply(WebAssembly, args));
  WebAssembly.instantiateStreaming = (...args) => grown(instantiateStreaming.apply(WebAssembly, args));
  try {
    return await start();
  } finally {
    Object.assign(WebAssembly, { instantiate, instantiateStreaming });
  }
}

/**
 * Run `start` (a loadPyodide, with or without a snapshot) so that a wasm that fails to compile or instantiate ends it
 * at once, with that error.
 *
 * Pyodide 314.0.7's own `instantiateWasm` (pyodide.mjs, getInstantiateWasmFunc) catches such a failure, logs "wasm
 * instantiation failed!" and never settles, so loadPyodide() would hang until the boot guard: a corrupted
 * pyodide.asm.wasm failed after 0.4 s while the popup spun for 30 s (issue 9). Every WebAssembly.instantiate and
 * instantiateStreaming made meanwhile is watched, and the first one that rejects rejects the start.
 */
async function failFastOnWasm(start) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  let fail;
  const failed = new Promise((_, reject) => (fail = reject));
  const watched = (original) => (...args) => {
    const pending = original.apply(WebAssembly, args);
    pending.catch((error) => fail(new Error(`the Python runtime's wasm did not load: ${error?.message ?? error}`)));
    return pending;
  };
  WebAssembly.instantiate = watched(instantiate);
  WebAssembly.instantiateStreaming = watched(instantiateStreaming);
  try {
    return await Promise.race([start(), failed]);
  } finally {
    Object.assign(WebAssembly, { instantiate, instantiateStreaming });
  }
}

/**
 * The heap from the snapshot file, which leaves out zero pages (scripts/make_snapshot.mjs): little-endian u32
 * words "HGSNAP01", heap length, page size, number of runs, (first page, page count) per run, then the pages.
 */
function heapFromPages(file) {
  const words = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (new TextDecoder().decode(file.subarray(0, 8)) !== "HGSNAP01") throw new Error("not a Hold Guide snapshot");
  const [length, pageSize, runs] = [8, 12, 16].map((offset) => words.getUint32(offset, true));
  const heap = new Uint8Array(length);
  let from = 20 + runs * 8;
  for (let run = 0; run < runs; run++) {
    const first = words.getUint32(20 + run * 8, true) * pageSize;
    const bytes = Math.min(words.getUint32(24 + run * 8, true) * pageSize, length - first);
    heap.set(file.subarray(from, from + bytes), first);
    from += bytes;
  }
  if (from !== file.length) throw new Error("the snapshot file is damaged");
  return heap;
}

/** Where the snapshot's Python imports our package from (scripts/make_snapshot.mjs puts it on sys.path). */
const WHEEL_PATH = "/lib/holdguide.whl";

/** Python run after a restore: fresh entropy for `random` (the snapshot holds the state it was made with). */
const AFTER_RESTORE = `
import random
random.seed()
del random
`;

/** Step 3: Pyodide's own start, then our wheel through our lock file (integrity checked by Pyodide). */
async function startPlainly() {
  const pyodide = await loadPyodide(commonOptions());
  await pyodide.loadPackage("holdguide", { messageCallback: () => {}, errorCallback: (m) => console.warn(m) });
  return pyodide;
}

function commonOptions() {
  return {
    indexURL: forPyodide(PYODIDE_URL),
    lockFileURL: forPyodide(LOCK_URL),
    packages: [],
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  };
}

/** Step 4. */
function bridge(pyodide, boot) {
  const runJson = pyodide.pyimport("holdguide.api").run_json;
  return {
    boot,
    /** One request object in, the parsed response out. */
    async call(request) {
      return JSON.parse(runJson(JSON.stringify({ ui_language: uiLanguage(), ...request })));
    },
  };
}

/** What loadPyodide takes: a URL in a browser; under Node (where tests run this file) a file-system path. */
function forPyodide(url) {
  return url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href;
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
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
