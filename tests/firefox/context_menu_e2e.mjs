// "Check with Hold Guide" (issue 12) end to end in real Firefox: Debian's firefox-esr, headless, over WebDriver BiDi
// with puppeteer-core, as popup_e2e.mjs. Run by tests/e2e/test_firefox.py with the TEST build, whose event page
// exposes the menu click's handler (globalThis.holdGuideTest.checkFromMenu; build.py's TEST_HOOK_FILES): no driver
// can open a native context menu.
//
// usage: node context_menu_e2e.mjs '<json>'   with json =
//   { "extension": "dist/extension-test", "firefox": "/usr/bin/firefox-esr", "profile": "/tmp/dir" (optional),
//     "cases": [ { "name": "...", "url": "https://mail.example.net/...", "html": "<!doctype html>...",
//                  "select": "#mail" (optional: select this element's text, as the shopper would),
//                  "info": { "linkUrl": "..." } (optional: the rest of the OnClickData),
//                  "expected": { "situation": "...", "phishing": false, "source": "selection" | "link" } } ] }
// Prints one line per check, then `RESULT {json}` (firefox.mjs `harness`). Exits 0 when every check passed.
//
// The check page is read through the extension's own API (browser.extension.getViews from another extension page):
// a navigation to a moz-extension:// page may never resolve for puppeteer (platform-facts), and the page is opened
// by the extension, not by the driver.
import { resolve } from "node:path";
import { harness, launchFirefox, poll, READY_TIMEOUT_MS, serve } from "./firefox.mjs";

const TOTAL_TIMEOUT_MS = 200_000;

const args = JSON.parse(process.argv[2] ?? "{}");
let browser;
// refused: requests a page tried besides its own, refused and never sent
const { failures, timings, refused, check, finish } = harness(TOTAL_TIMEOUT_MS, () => browser);

try {
  const extension = resolve(args.extension);
  const launched = await launchFirefox({ firefox: args.firefox, extension, profile: args.profile, offline: true });
  browser = launched.browser;
  const { geckoId, base } = launched;
  const installed = await browser.installExtension(extension);
  check("test build installs as a temporary add-on", installed === geckoId, installed);

  // An extension page that sees the extension API (a check page for no check: it must say so, not spin).
  const helper = await browser.newPage();
  helper.goto(`${base}/check/check.html?check=none`).catch(() => {});
  const gone = await poll(helper, () => {
    const root = document.getElementById("check");
    return root?.dataset.state === "error" ? document.getElementById("status-text").textContent : null;
  }, READY_TIMEOUT_MS);
  check("a check that is gone says so", Boolean(gone?.trim()), gone);

  const menu = await poll(helper, async () => {
    const background = await browser.runtime.getBackgroundPage();
    return background?.holdGuideTest ? { exists: await background.holdGuideTest.menuExists(),
      unknown: await background.holdGuideTest.menuExists("no-such-entry") } : null;
  }, 10_000);
  check("the menu entry exists (update() of an unknown id fails)", menu?.exists === true && menu.unknown === false,
    JSON.stringify(menu));

  for (const c of args.cases) {
    const page = await browser.newPage();
    await serve(page, new Map([[c.url, c.html]]), refused);
    await page.goto(c.url, { waitUntil: "load" });
    const selected = c.select
      ? await page.evaluate((selector) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(selector));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return getSelection().toString();
      }, c.select)
      : null;
    const t0 = performance.now();
    const opened = await helper.evaluate(async ({ url, info }) => {
      const tab = (await browser.tabs.query({})).filter((t) => t.url === url).at(-1);
      const background = await browser.runtime.getBackgroundPage();
      const result = await background.holdGuideTest.checkFromMenu({ frameId: 0, pageUrl: url, ...info }, tab);
      return { id: result.id, tabId: result.tabId, sourceIndex: tab.index, index: (await browser.tabs.get(result.tabId)).index };
    }, { url: c.url, info: { ...(selected ? { selectionText: selected } : {}), ...(c.info ?? {}) } });
    check(`${c.name}: check page opened beside the tab`, opened.index === opened.sourceIndex + 1, JSON.stringify(opened));
    const answer = await poll(helper, (id) => {
      const view = browser.extension.getViews({ type: "tab" }).find((w) => w.location.search === `?check=${id}`);
      const all = view?.document.querySelectorAll("[data-state]");
      if (!all || all.length !== 1 || all[0].dataset.state === "loading") return null;
      const { state, situation, phishing, source } = all[0].dataset;
      return { count: all.length, id: all[0].id, state, situation, phishing, source,
               checked: view.document.getElementById("checked-text").textContent };
    }, READY_TIMEOUT_MS, opened.id);
    timings[`${c.name}_ready_ms`] = Math.round(performance.now() - t0);
    const want = c.expected;
    const seen = JSON.stringify({ ...answer, checked: undefined });
    check(`${c.name}: #check is the one data-state element, ready`,
      answer?.count === 1 && answer.id === "check" && answer.state === "ready", seen);
    check(`${c.name}: data-situation`, answer?.situation === want.situation, seen);
    check(`${c.name}: data-phishing`, answer?.phishing === String(want.phishing), seen);
    check(`${c.name}: data-source`, answer?.source === want.source, seen);
    if (selected) check(`${c.name}: the selection's own text was checked`, answer?.checked === selected);
    await page.close();
  }
  await finish(failures.length ? 1 : 0);
} catch (error) {
  failures.push(`error: ${error?.stack ?? error}`);
  console.log(`FAIL ${error?.stack ?? error}`);
  await finish(1);
}
