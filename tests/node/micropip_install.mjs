// Offline proof: micropip installs a local pure-Python wheel inside Pyodide under Node.
// Run by tests/unit/test_wheel_installs_with_micropip.py.
// usage: node micropip_install.mjs <pyodideDir> <micropip.whl> <our.whl> [module.attr] [json-arg]
//   e.g. node micropip_install.mjs ext/pyodide wheels/micropip-0.11.1-py3-none-any.whl wheels/demo-0.1-py3-none-any.whl
// Exits 0 on success, 1 on failure, 2 on timeout. Any fetch() is logged and refused (no network here).
import { readFileSync } from "node:fs";
import { resolve, basename } from "node:path";
import { pathToFileURL } from "node:url";

const [pyDirArg, mpWhl, ourWhl, target = "demo.api.run_json", arg = '{"hello": 1}'] = process.argv.slice(2);
if (!pyDirArg || !mpWhl || !ourWhl) {
  console.error("usage: node micropip_install.mjs <pyodideDir> <micropip.whl> <our.whl> [module.func] [json-arg]");
  process.exit(1);
}
const netAttempts = [];
const TIMEOUT_MS = 60_000;
const timer = setTimeout(() => { console.error(`TIMEOUT after ${TIMEOUT_MS} ms`); process.exit(2); }, TIMEOUT_MS);
const fail = (msg) => { console.error("FAIL:", String(msg).split("\n").slice(-3).join(" | ")); console.error("network attempts:", netAttempts.join(", ") || "none"); clearTimeout(timer); process.exit(1); };
process.on("unhandledRejection", (e) => fail(e?.message ?? e)); // e.g. lock-file ABI mismatch is not a loadPyodide rejection

const realFetch = globalThis.fetch;
globalThis.fetch = async (url, opts) => {
  const u = String(url?.url ?? url);
  netAttempts.push(u);
  if (!u.startsWith("file:")) throw new Error(`network refused: ${u}`);
  return realFetch(url, opts);
};

const t = () => performance.now().toFixed(0).padStart(5) + " ms";
try {
  const pyDir = resolve(pyDirArg) + "/";
  const { loadPyodide } = await import(pathToFileURL(pyDir + "pyodide.mjs").href);
  // Empty in-memory lock: Pyodide reads nothing but the core files and never consults the CDN.
  const lockFileContents = { info: { abi_version: "2026_0", arch: "wasm32", platform: "emscripten_5_0_3", python: "3.14.2" }, packages: {} };
  const py = await loadPyodide({ indexURL: pyDir, lockFileContents, stdout: (s) => console.log("[py]", s), stderr: (s) => console.log("[py!]", s) });
  console.log(`${t()} Pyodide ${py.version} booted from ${pyDir}`);

  // 1. micropip: unpack its wheel straight into site-packages (must be a Uint8Array, not a Node Buffer).
  py.unpackArchive(new Uint8Array(readFileSync(mpWhl)), "wheel");
  const micropip = py.pyimport("micropip");
  console.log(`${t()} micropip ${micropip.__version__} unpacked from ${mpWhl}`);

  // 2. our wheel: bytes into the in-memory FS, install from an emfs: path, no dependency resolution.
  const emPath = "/tmp/" + basename(ourWhl); // keep the real wheel file name: micropip parses it
  py.FS.writeFile(emPath, new Uint8Array(readFileSync(ourWhl)));
  await micropip.install.callKwargs("emfs:" + emPath, { deps: false });
  console.log(`${t()} micropip.install("emfs:${emPath}", deps=False) done`);
  console.log(`${t()} installed: ${py.runPython("import micropip; sorted(micropip.list())").toJs().join(", ")}`);

  // 3. import and call.
  const dot = target.lastIndexOf(".");
  const fn = py.pyimport(target.slice(0, dot))[target.slice(dot + 1)];
  const out = fn(arg);
  console.log(`${t()} ${target}(${arg}) -> ${out}`);
  console.log(`network attempts: ${netAttempts.length ? netAttempts.join(", ") : "none"}`);
  clearTimeout(timer);
  process.exit(netAttempts.some((u) => !u.startsWith("file:")) ? 1 : 0);
} catch (e) {
  fail(e?.message ?? e);
}
