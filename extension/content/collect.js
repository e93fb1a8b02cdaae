// Reads the page for the popup: injected with chrome.scripting.executeScript({files: [...]}) into the tab the
// popup analyses; the value of the last expression is the result handed back to the popup.
//
// Only what the analysis needs, and nothing the shopper typed: the URL, <html lang>, the title and the
// visible text (innerText skips hidden and script content, as py/holdguide/extract.py does for saved pages).
// Capped so a huge page cannot stall the popup; Python caps again (api.MAX_TEXT).
(() => {
  const MAX_TEXT = 200_000;
  const text = (document.body?.innerText ?? "").slice(0, MAX_TEXT);
  return {
    url: location.href,
    title: document.title.slice(0, 1000),
    lang: document.documentElement.getAttribute("lang") ?? "",
    text,
  };
})();
