// What every script that drives the built extension in Debian's firefox-esr over WebDriver BiDi needs
// (tests/firefox/popup_e2e.mjs, scripts/demo_firefox.mjs): launch with the extension's UUID pinned, serve fixture
// pages at their real Amazon URLs with nothing else let through, find a tab's id, open the popup for it and wait
// for the contract's hooks.
//
// Firefox specifics (../../../shared/notes/platform-facts.md, "Firefox end to end, measured"):
// - `--remote-allow-system-access`, else navigation to moz-extension:// pages is refused;
// - the pref `extensions.webextensions.uuids` pins the moz-extension UUID of our gecko id before install;
// - the extension is installed as a temporary add-on (BiDi webExtension.install: `browser.installExtension`);
// - a navigation to a moz-extension:// page may never resolve: start it and poll the page.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";

export const READY_TIMEOUT_MS = 45_000;

/**
 * Everything Firefox would fetch goes to a proxy that is not there (the discard port), so no request leaves the
 * machine, not even from a tab opened before `serve` watches it; pages served by interception never reach the proxy.
 */
const NO_NETWORK = {
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1",
  "network.proxy.http_port": 9,
  "network.proxy.ssl": "127.0.0.1",
  "network.proxy.ssl_port": 9,
  "network.proxy.no_proxies_on": "",
};

/**
 * Firefox with the extension's moz-extension UUID fixed (the add-on is installed afterwards by the caller).
 * Returns the browser, the gecko id and the extension's base URL. `headless: false` opens real windows;
 * `offline: true` sends every request that is not intercepted to a dead proxy (NO_NETWORK).
 */
export async function launchFirefox({ firefox, extension, profile, headless = true, offline = false }) {
  const manifest = JSON.parse(readFileSync(`${extension}/manifest.json`, "utf-8"));
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefox,
    headless,
    userDataDir: profile,
    args: ["--remote-allow-system-access"],
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: uuid }),
      ...(offline ? NO_NETWORK : { "network.proxy.type": 0 }),
    },
  });
  return { browser, geckoId, base: `moz-extension://${uuid}` };
}

/**
 * Serve `pages` (a Map url -> html) to `page` at their real URLs; refuse, and record in `refused`, every other
 * web request. The extension's own files (moz-extension:), data: and blob: URLs go through.
 */
export async function serve(page, pages, refused) {
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(https?|wss?):/.test(url)) return request.continue();
    if (pages.has(url)) {
      return request.respond({ status: 200, contentType: "text/html; charset=utf-8", body: pages.get(url) });
    }
    refused.push(url);
    return request.abort("blockedbyclient");
  });
}

/**
 * The check-and-report frame of every Firefox test script: `check` prints one line per check; `finish` closes the
 * browser (`currentBrowser()`, null before the launch) and prints `RESULT {json}` (checks, failures, timings with
 * total_ms, refused requests) for tests/e2e/test_firefox.py's run_firefox, then exits with `code`; a watchdog
 * finishes with a failure when the whole run takes longer than `totalTimeoutMs`. `ms()` is the time since the start.
 */
export function harness(totalTimeoutMs, currentBrowser) {
  const started = performance.now();
  const run = { checks: [], failures: [], timings: {}, refused: [] };
  const ms = () => Math.round(performance.now() - started);
  const check = (name, ok, detail = "") => {
    (ok ? run.checks : run.failures).push(detail ? `${name}: ${detail}` : name);
    console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
  };
  const finish = async (code) => {
    clearTimeout(watchdog);
    try {
      await currentBrowser()?.close();
    } catch (error) {
      console.log(`note: closing Firefox: ${error?.message ?? error}`);
    }
    run.timings.total_ms = ms();
    console.log(`RESULT ${JSON.stringify(run)}`);
    process.exit(code);
  };
  const watchdog = setTimeout(() => {
    run.failures.push(`timeout after ${totalTimeoutMs} ms`);
    console.log(`FAIL timeout after ${totalTimeoutMs} ms`);
    finish(1);
  }, totalTimeoutMs);
  return { ...run, ms, check, finish };
}

/** Poll `fn` in `page` until it returns a truthy value; evaluation errors while the page loads are retried. */
export async function poll(page, fn, timeoutMs, arg) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await page.evaluate(fn, arg);
      if (last) return last;
    } catch {
      // the document is still being replaced; try again
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

/** The contract's four hooks on the popup's one data-state element, once it has left "loading". */
export const settled = () => {
  const all = document.querySelectorAll("[data-state]");
  if (all.length !== 1 || all[0].dataset.state === "loading") return null;
  const { state, situation, marketplace, phishing } = all[0].dataset;
  return { count: all.length, state, situation, marketplace, phishing, status: document.getElementById("status-text")?.textContent ?? "" };
};

/** Open the popup as a tab (contract: ?tabId=N) without awaiting the navigation, then poll for data-state. */
export async function openPopup(browser, base, tabId) {
  const popup = await browser.newPage();
  const t0 = performance.now();
  popup.goto(`${base}/popup/popup.html${tabId == null ? "" : `?tabId=${tabId}`}`).catch(() => {});
  const answer = await poll(popup, settled, READY_TIMEOUT_MS);
  return { popup, answer, elapsed: Math.round(performance.now() - t0) };
}

/** The extension's id for the newest tab showing `url`, asked through an extension page (which sees `browser.*`). */
export function tabIdOf(extensionPage, url) {
  return extensionPage.evaluate(
    async (url) => Math.max(...(await browser.tabs.query({})).filter((t) => t.url === url).map((t) => t.id)),
    url,
  );
}

/** Our overlay in `page` (the #hold-guide-overlay host with data-situation; a planted one has none), or null. */
export const ourOverlay = () => {
  const hosts = [...document.querySelectorAll("#hold-guide-overlay")];
  const ours = hosts.filter((n) => n.dataset.situation);
  return ours.length ? { situation: ours[0].dataset.situation, ours: ours.length, all: hosts.length,
                         root: ours[0].shadowRoot === null ? "closed" : "open" } : null;
};
