// Declared in the manifest for Amazon's sign-in and account pages only (build.py writes the match list from
// py/holdguide/data/account_pages.toml), and registered by the background for pages the popup has analysed.
//
// It reads nothing: it tells the background that such a page is loading (so Python can start while the page
// loads) and when its DOM is ready, and the background then reads the page with content/collect.js, the one page
// reader, and keeps the answer for the popup. Where the page lives is taken from the browser (sender.tab.url),
// never from this script, so a page cannot claim another page's answer.
(() => {
  if (window.top !== window) return; // the manifest asks for the top frame only; a registered script may not
  const api = globalThis.browser ?? globalThis.chrome;
  const tell = (type) => api.runtime.sendMessage({ target: "background", type }).catch(() => {});
  tell("page-loading");
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => tell("page-ready"), { once: true });
  } else {
    tell("page-ready");
  }
})();
