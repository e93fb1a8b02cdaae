// The Firefox half of scripts/demo.py: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core; Playwright
// cannot drive stock Firefox), the built extension installed as a temporary add-on, one fixture page served at its
// real Amazon URL and every other web request refused, then the popup for that tab in a window of its own beside it.
//
// usage: node scripts/demo_firefox.mjs '<json>'  with json =
//   { "firefox": "/usr/bin/firefox-esr", "extension": "dist/extension", "profile": "/tmp/dir",
//     "url": "https://www.amazon.de/ap/signin", "html": "tests/golden/<case>/page.html", "headless": true }
// Prints `ANSWER {json}` (the popup's four hooks, whether the overlay is in the page, refused requests) once the
// popup is ready; then exits (headless) or waits until the person closes Firefox or the page's tab.
// Exit 0 once the answer is printed, 1 on an error or a time-out (2 on a bad call).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { launchFirefox, ourOverlay, poll, READY_TIMEOUT_MS, serve, settled, tabIdOf } from "../tests/firefox/firefox.mjs";

/** The overlay is drawn just after the popup's answer is ready; this bounds the wait for it. */
const OVERLAY_TIMEOUT_MS = 10_000;
/** A headless run that has not answered by then has failed (a person's run has no such limit once answered). */
const HEADLESS_TIMEOUT_MS = 150_000;

let args;
try {
  args = JSON.parse(process.argv[2] ?? "");
} catch {
  console.error("usage: node demo_firefox.mjs '<json: {firefox, extension, profile, url, html, headless}>'");
  process.exit(2);
}

let browser;
const refused = [];
const watchdog = args.headless
  ? setTimeout(() => fail(new Error(`no answer after ${HEADLESS_TIMEOUT_MS} ms`)), HEADLESS_TIMEOUT_MS)
  : null;

async function fail(error) {
  console.error(`demo_firefox: ${error?.stack ?? error}`);
  await browser?.close().catch(() => {});
  process.exit(1);
}

/** Poll the browser's pages for one that is not in `known` (a window the extension opened). */
async function newPage(known) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = (await browser.pages()).find((p) => !known.includes(p));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the popup window did not open");
}

try {
  const extension = resolve(args.extension);
  const launched = await launchFirefox({ ...args, extension, offline: true });
  browser = launched.browser;
  if ((await browser.installExtension(extension)) !== launched.geckoId) throw new Error("the extension did not install");

  const pages = new Map([[args.url, readFileSync(resolve(args.html), "utf-8")]]);
  const [page] = await browser.pages();
  await serve(page, pages, refused);
  await page.goto(args.url, { waitUntil: "load" });

  // An extension page that sees `browser.*`, to find the tab's id and open the popup window; closed once used.
  // (It is the popup without ?tabId=, which answers with an error about its own tab: nobody sees it.)
  const helper = await browser.newPage();
  helper.goto(`${launched.base}/popup/popup.html`).catch(() => {});
  await poll(helper, () => typeof browser !== "undefined" && Boolean(browser.tabs), READY_TIMEOUT_MS);
  const tabId = await tabIdOf(helper, args.url);
  // A window of the popup type beside the page, opened blank by the extension: Firefox leaves a moz-extension:// URL
  // given to windows.create unloaded while BiDi drives it, so the page is sent there the way popup_e2e.mjs does.
  // The page's window on the left, the popup's on the right of the screen (as in demo.py); headless, anywhere.
  const area = args.headless ? null : await page.evaluate(() => ({
    left: screen.availLeft ?? 0, top: screen.availTop ?? 0, width: screen.availWidth, height: screen.availHeight }));
  const known = await browser.pages();
  await helper.evaluate(async ({ tabId, area: screen }) => {
    const width = 440;
    if (!screen) return browser.windows.create({ type: "popup", width, height: 900 });
    const tab = await browser.tabs.get(tabId);
    await browser.windows.update(tab.windowId, {
      state: "normal", left: screen.left, top: screen.top, width: screen.width - width, height: screen.height,
    }).catch(() => {}); // a window manager may refuse; the demo goes on with the windows where they are
    await browser.windows.create({
      type: "popup", left: screen.left + screen.width - width, top: screen.top, width, height: screen.height,
    }).catch(() => browser.windows.create({ type: "popup", width, height: 900 }));
  }, { tabId, area });
  const popup = await newPage(known);
  await helper.close();
  popup.goto(`${launched.base}/popup/popup.html?tabId=${tabId}`).catch(() => {}); // may never resolve: poll instead
  const answer = await poll(popup, settled, READY_TIMEOUT_MS);
  if (!answer) throw new Error("the popup never left data-state loading");
  const overlay = answer.situation && answer.situation !== "none"
    ? await poll(page, ourOverlay, OVERLAY_TIMEOUT_MS)
    : await page.evaluate(ourOverlay);
  const { state, situation, marketplace, phishing } = answer;
  console.log(`ANSWER ${JSON.stringify({ state, situation, marketplace, phishing, overlay: Boolean(overlay), refused })}`);
  clearTimeout(watchdog);

  if (args.headless) {
    await browser.close();
  } else {
    console.error("demo: Firefox stays open; close it (or the page's tab) to end.");
    page.once("close", () => browser.close().catch(() => {}));
    await new Promise((r) => browser.once("disconnected", r));
  }
  process.exit(0);
} catch (error) {
  await fail(error);
}
