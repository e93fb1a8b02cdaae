// The bridge (lib/py-bridge.js of a built extension) under Node, started both ways: from the memory snapshot and
// plainly. Run by tests/unit/test_snapshot.py, which compares the answers.
//
// usage: node bridge_paths.mjs <extensionDir> <requests.json> <result.json>
// Writes to result.json {snapshot: {boot, answers}, plain: {boot, answers}} where answers[i] is the
// bridge's response to requests[i]. Each start gets its own copy of the bridge module (a query string), so both
// runtimes live side by side. The only stand-in is fetch() for file: URLs (Node 20's fetch has none); every
// other URL is refused, so a request that would leave the machine fails the run.
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [extensionDir, requestsPath, resultPath] = process.argv.slice(2);
const refused = [];
globalThis.fetch = async (url) => {
  const href = String(url?.url ?? url);
  if (!href.startsWith("file:")) {
    refused.push(href);
    throw new Error(`network refused: ${href}`);
  }
  try {
    return new Response(await readFile(new URL(href)));
  } catch {
    return new Response(null, { status: 404 });
  }
};

const requests = JSON.parse(await readFile(requestsPath, "utf-8"));
const bridgeUrl = pathToFileURL(resolve(extensionDir, "lib", "py-bridge.js")).href;
const result = { refused };
for (const path of ["snapshot", "plain"]) {
  const { startPython } = await import(`${bridgeUrl}?${path}`);
  const bridge = await startPython({ snapshot: path === "snapshot" });
  const answers = [];
  for (const request of requests) answers.push(await bridge.call(request));
  result[path] = { boot: bridge.boot, answers };
}
await writeFile(resultPath, JSON.stringify(result)); // a file: stdout may be cut at exit
process.exit(0);
