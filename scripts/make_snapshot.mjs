// Make the Pyodide memory snapshot the extension starts from: run by build.py under Node, never shipped.
//
// usage: node scripts/make_snapshot.mjs '<json>'   with json =
//   { "pyodide": "dist/extension/pyodide/", "wheel": "dist/extension/wheels/holdguide-….whl",
//     "warmUp": "scripts/snapshot_warm_up.py", "out": "dist/extension/pyodide/holdguide-snapshot.bin",
//     "epoch": 1764028800 }
//
// What it does, in order:
//   1. boots the shipped Pyodide files with `_makeSnapshot: true` (a private option of Pyodide 314, pinned by
//      build.py; see ../shared/notes/platform-facts.md, "Pyodide memory snapshot");
//   2. puts our wheel on sys.path (Python imports the package from the zip): after `loadPackage` the heap still
//      refers to JavaScript objects and `makeMemorySnapshot()` throws "Unexpected hiwire entry";
//   3. runs the warm-up (scripts/snapshot_warm_up.py): imports every module of the package and reads every data
//      file, so a restored runtime answers at once;
//   4. records the wheel's sha256 in Python: the bridge writes back only that very wheel;
//   5. writes `pyodide.makeMemorySnapshot()`, the whole wasm heap (31 MB), without its zero pages: about 17 MB in
//      a few runs of 4 KiB pages (format below; lib/py-bridge.js puts the heap back together). Reading 31 MB from
//      the extension took a quarter of the whole start (≈ 250 ms in Chromium here), and zero pages cost the most
//      to read and nothing to make again.
//
// File format (little-endian u32 words): "HGSNAP01", heap length, page size, number of runs, then per run its
// first page and page count, then the pages of every run, in order.
// The in-memory file system is NOT part of the heap: the bridge writes the wheel again after a restore.
//
// Same sources, same bytes: the heap would otherwise hold the build's clock (file times, time.time()), fresh
// entropy (the allocator's ChaCha key, `random`'s state), the hash seed and the script's own path. So the clock is
// fixed at SOURCE_DATE_EPOCH, the entropy comes from a counter, PYTHONHASHSEED is 0, `random` is seeded and the
// executable has a fixed name. Every one of these is re-made after a restore where it matters (the bridge reseeds
// `random`); the hash seed is fixed in any snapshot, since every copy of a snapshot shares it.
import nodeCrypto, { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = JSON.parse(process.argv[2] ?? "{}");
for (const key of ["pyodide", "wheel", "warmUp", "out", "epoch"]) {
  if (args[key] === undefined) {
    console.error(`make_snapshot: missing "${key}"`);
    process.exit(2);
  }
}

/** Where the wheel lives in Pyodide's file system, here and after a restore (lib/py-bridge.js writes it there). */
const WHEEL_PATH = "/lib/holdguide.whl";

/** The granularity of the zero pages left out of the file. */
const PAGE = 4096;

/**
 * Python run after boot: our package imported straight from the wheel (zipimport; a pure-Python wheel is a zip
 * whose top level is the package), so after a restore the bridge has ONE file to write back, the wheel itself,
 * and Python's cached view of it (zipimport's directory of the zip) still matches. Extracting ~60 files instead
 * cost 40-110 ms per start in Chromium here, however they were written.
 */
const INSTALL_WHEEL = `
import sys
sys.path.insert(0, "${WHEEL_PATH}")
del sys
`;

/** Python run last: the wheel's hash for the bridge's check, and `random` in a state that is the same each build. */
const FINISH = (wheelSha256) => `
HOLDGUIDE_WHEEL_SHA256 = "${wheelSha256}"
import random
random.seed(0)
del random
`;

freezeClockAndEntropy(args.epoch * 1000);
try {
  await makeSnapshot();
} catch (error) {
  // Pyodide's errors can carry its whole minified source; the message's end says what went wrong.
  console.error(`make_snapshot: ${String(error?.message ?? error).slice(-3000)}`);
  process.exit(1);
}
process.exit(0);

async function makeSnapshot() {
  const pyodideDir = `${resolve(args.pyodide)}/`;
  const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}pyodide.mjs`).href);
  const pyodide = await loadPyodide({
    indexURL: pyodideDir,
    _makeSnapshot: true,
    _sysExecutable: "python",
    // PYTHONOPTIMIZE=2 (python -OO): no docstrings and no asserts in the code objects of what is imported, 0.5 MB
    // less in the store zip; our package's asserts only narrow types. The parity tests compare every answer with
    // CPython's.
    env: { PYTHONHASHSEED: "0", PYTHONOPTIMIZE: "2" },
    stdout: () => {},
    stderr: (line) => console.error(`[python] ${line}`),
  });
  const wheel = readFileSync(args.wheel);
  const wheelSha256 = createHash("sha256").update(wheel).digest("hex");
  pyodide.FS.writeFile(WHEEL_PATH, wheel);
  pyodide.runPython(INSTALL_WHEEL);
  pyodide.runPython(readFileSync(args.warmUp, "utf-8"));
  pyodide.runPython(FINISH(wheelSha256));
  const heap = pyodide.makeMemorySnapshot();
  const sparse = withoutZeroPages(heap);
  writeFileSync(args.out, sparse);
  console.log(`make_snapshot: heap ${heap.length} bytes, file ${sparse.length} bytes, wheel ${wheelSha256}`);
}

/** The heap as runs of non-zero pages (see the header for the format). */
function withoutZeroPages(heap) {
  const runs = [];
  for (let page = 0; page * PAGE < heap.length; page++) {
    if (!heap.subarray(page * PAGE, (page + 1) * PAGE).some((byte) => byte !== 0)) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === page) last[1] += 1;
    else runs.push([page, 1]);
  }
  const header = new Uint32Array([0, 0, heap.length, PAGE, runs.length, ...runs.flat()]);
  new Uint8Array(header.buffer).set(new TextEncoder().encode("HGSNAP01"));
  const parts = [new Uint8Array(header.buffer)];
  for (const [first, count] of runs) {
    parts.push(heap.subarray(first * PAGE, Math.min((first + count) * PAGE, heap.length)));
  }
  return Buffer.concat(parts);
}

/** A build-time clock stuck at `epochMs` and a counter for entropy: see the header. */
function freezeClockAndEntropy(epochMs) {
  Date.now = () => epochMs;
  let tick = 0;
  performance.now = () => (tick += 0.001); // monotonic clocks must still advance
  let counter = 0;
  const fill = (array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (counter++ * 131 + 17) & 0xff;
    return array;
  };
  globalThis.crypto.getRandomValues = fill; // what Pyodide uses in a browser
  nodeCrypto.randomFillSync = fill; // what Emscripten uses under Node
}
