// The built extension end to end in real Firefox: Debian's firefox-esr, headless, driven over WebDriver BiDi by
// puppeteer-core (no driver binary, never a downloaded browser). Run by tests/e2e/test_firefox.py.
//
// usage: node popup_e2e.mjs '<json>'   with json =
//   { "extension": "dist/extension", "firefox": "/usr/bin/firefox-esr", "profile": "/tmp/dir" (optional),
//     "cases": [ { "name": "...", "url": "https://www.amazon.de/ap/signin...", "html": "tests/golden/x/page.html",
//                  "expected": { "situation": "security-lock", "marketplace": "amazon.de" | null (any),
//                                "phishing": false, "overlay": true,
//                                "kept": "security-lock" | "none" | null (no background answer),
//                                "badge": "!" | "" },
//                  "screenshot": "docs/screenshots/....png" (optional),
//                  "plant": true (optional: the page plants elements named like the extension's objects and a
//                                 fake #hold-guide-overlay, as a hostile page does: issue 9) } ],
//     "boot": "snapshot" | "plain" (optional: how the background's Python must have started) }
// Prints one line per check, then `RESULT {json}` (checks, failures, timings, refused requests).
// Exits 0 when every check passed, 1 otherwise (2 on a bad call).
//
// The Firefox specifics (launch, UUID, interception, polling the popup) live in firefox.mjs, shared with
// scripts/demo_firefox.mjs.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { harness, launchFirefox, openPopup as openPopupIn, ourOverlay, poll, serve, tabIdOf } from "./firefox.mjs";

const KEPT_TIMEOUT_MS = 30_000;
/** An ordinary Amazon page the hold page's tab moves on to (served like the cases). */
const AWAY_URL = "https://www.amazon.de/gp/cart/view.html";
const AWAY_HTML = "<!doctype html><html lang='de'><title>Einkaufswagen</title><h1>Einkaufswagen</h1></html>";
const OVERLAY_TIMEOUT_MS = 10_000;
/**
 * What a hostile page plants (issue 9): elements whose ids name the extension's objects (DOM clobbering makes them
 * properties of `window`; `browser` and `chrome` among them), and a #hold-guide-overlay of its own.
 */
const PLANTED = ["HoldGuideOverlay", "HoldGuideCases", "HoldGuideRender", "browser", "chrome"]
  .map((id) => `<div id="${id}"></div>`).join("") + '<div id="hold-guide-overlay" hidden></div>';
const TOTAL_TIMEOUT_MS = 240_000;

let args;
try {
  args = JSON.parse(process.argv[2] ?? "");
} catch {
  console.error("usage: node popup_e2e.mjs '<json: {extension, firefox, cases: [{name, url, html, expected}]}>'");
  process.exit(2);
}

let browser;
const { failures, timings, refused, ms, check, finish } = harness(TOTAL_TIMEOUT_MS, () => browser);

const openPopup = (base, tabId) => openPopupIn(browser, base, tabId);

/**
 * Guidance before the click: the background (Firefox's event page) analysed the page as it loaded, keeps the answer
 * for the tab in storage.session, and shows the badge where it found a hold (read through the helper page).
 */
async function checkBackground(c, tabId) {
  const t0 = performance.now();
  const state = await poll(
    helper.popup,
    async ({ tabId, wanted }) => {
      const entry = (await browser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] ?? null;
      if (wanted !== null && entry?.state !== "ready") return null;
      return {
        kept: entry?.answer?.situation ?? null,
        source: entry?.source ?? null,
        url: entry?.url ?? null,
        badge: await browser.action.getBadgeText({ tabId }),
        title: await browser.action.getTitle({ tabId }),
      };
    },
    c.expected.kept === null ? 1_000 : KEPT_TIMEOUT_MS,
    { tabId, wanted: c.expected.kept },
  );
  timings[`${c.name}_kept_ms`] = Math.round(performance.now() - t0);
  const fromBackground = state?.kept === null || state?.source === "background";
  check(`${c.name}: background answer kept`, state?.kept === c.expected.kept && fromBackground, JSON.stringify(state));
  if (state?.url) check(`${c.name}: kept for the tab's URL`, state.url === c.url, state.url);
  const badge = `${state?.badge} / ${state?.title}`;
  check(`${c.name}: badge "${c.expected.badge}"`, state?.badge === c.expected.badge, badge);
}

/** The tab moves on to an ordinary page: its kept answer and its badge go. */
async function checkLeaving(c, page, tabId) {
  await page.goto(AWAY_URL, { waitUntil: "load" });
  const state = await poll(
    helper.popup,
    async (tabId) => {
      const entry = (await browser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] ?? null;
      const badge = await browser.action.getBadgeText({ tabId });
      return entry === null && badge === "" ? { entry, badge } : null;
    },
    5_000,
    tabId,
  );
  check(`${c.name}: answer and badge gone after leaving the page`, Boolean(state), JSON.stringify(state));
}

let helper;
try {
  const extension = resolve(args.extension);
  const launched = await launchFirefox({ firefox: args.firefox, extension, profile: args.profile });
  browser = launched.browser;
  const { base, geckoId } = launched;
  console.log(`     ${await browser.version()} up after ${ms()} ms`);
  timings.launch_ms = ms();

  const t0 = performance.now();
  const installed = await browser.installExtension(extension);
  timings.install_ms = Math.round(performance.now() - t0);
  check("extension installs as a temporary add-on", installed === geckoId, `${installed}, ${timings.install_ms} ms`);

  // One helper page that sees the extension API: the popup with no tabId. Its own tab (an extension page)
  // is the active one and cannot be scripted, so it must end in a clear error (contract), not a spinner.
  helper = await openPopup(base, null);
  timings.popup_without_tab_ms = helper.elapsed;
  check(
    "popup without a readable tab says so",
    helper.answer?.state === "error" && helper.answer.status.trim() !== "",
    `${JSON.stringify(helper.answer)}, ${helper.elapsed} ms`,
  );

  for (const c of args.cases) {
    const original = readFileSync(resolve(c.html), "utf-8");
    const html = c.plant ? original.replace(/<\/body>|$/i, `${PLANTED}$&`) : original;
    const page = await browser.newPage();
    await serve(page, new Map([[c.url, html], [AWAY_URL, AWAY_HTML]]), refused);
    await page.goto(c.url, { waitUntil: "load" });
    check(`${c.name}: page served at its Amazon URL`, page.url() === c.url, page.url());

    const tabId = await tabIdOf(helper.popup, c.url);
    check(`${c.name}: tab found through browser.tabs`, Number.isInteger(tabId), `tabId=${tabId}`);

    if ("kept" in c.expected) await checkBackground(c, tabId);

    const { popup, answer, elapsed } = await openPopup(base, tabId);
    timings[`${c.name}_popup_ready_ms`] = elapsed;
    const want = c.expected;
    check(`${c.name}: one data-state element, ready`, answer?.count === 1 && answer.state === "ready", `${JSON.stringify(answer)}, ${elapsed} ms`);
    check(`${c.name}: data-situation`, answer?.situation === want.situation, `${answer?.situation} vs ${want.situation}`);
    if (want.marketplace !== null && want.marketplace !== undefined) {
      check(`${c.name}: data-marketplace`, answer?.marketplace === want.marketplace, `${answer?.marketplace} vs ${want.marketplace}`);
    }
    check(`${c.name}: data-phishing`, answer?.phishing === String(want.phishing), `${answer?.phishing} vs ${want.phishing}`);
    const planVisible = await popup.evaluate(() => {
      const plan = document.getElementById("plan");
      return Boolean(plan && !plan.hidden && plan.getClientRects().length);
    });
    check(`${c.name}: plan ${want.overlay ? "shown" : "hidden"} in the popup`, planVisible === Boolean(want.overlay));

    if (want.overlay) {
      // Ours is the host with data-situation (a planted one has none); its shadow root is closed to the page.
      const overlay = await poll(page, ourOverlay, OVERLAY_TIMEOUT_MS);
      const seen = JSON.stringify(overlay);
      check(`${c.name}: #hold-guide-overlay in the page`, overlay?.situation === want.situation, seen);
      check(`${c.name}: its shadow root is closed to the page`, overlay?.root === "closed", seen);
      if (c.plant) check(`${c.name}: drawn beside the planted names and host`, overlay?.ours === 1 && overlay.all === 2, seen);
    } else {
      await new Promise((r) => setTimeout(r, 500)); // give a wrongly drawn overlay the time to appear
      const count = await page.evaluate(() => document.querySelectorAll("#hold-guide-overlay").length);
      check(`${c.name}: no overlay in the page`, count === 0, `count=${count}`);
    }

    if (c.screenshot) {
      const path = resolve(c.screenshot);
      mkdirSync(dirname(path), { recursive: true });
      await popup.bringToFront();
      await popup.setViewport({ width: 420, height: 900 });
      await popup.screenshot({ path });
      check(`${c.name}: popup screenshot`, true, path);
    }
    await popup.close();
    if (c.expected.badge === "!") await checkLeaving(c, page, tabId);
    await page.close();
  }
  if (args.boot) {
    const status = await helper.popup.evaluate(() =>
      browser.runtime.sendMessage({ target: "background", type: "python-status" }),
    );
    check(`background's Python started from: ${args.boot}`, status?.boot?.path === args.boot, JSON.stringify(status));
  }
  await finish(failures.length ? 1 : 0);
} catch (error) {
  failures.push(`error: ${error?.stack ?? error}`);
  console.log(`FAIL ${error?.stack ?? error}`);
  await finish(1);
}
