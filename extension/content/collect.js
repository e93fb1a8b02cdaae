// Reads the page for the analysis: injected with scripting.executeScript({files: [...]}) into the tab the popup
// analyses; the value of the last expression is the result handed back. The one page reader: whatever else
// reads a page (a background analysis) runs this same file.
//
// Only what the analysis needs, and nothing the shopper typed (no field values). The shape is the contract's
// page request (docs/contract.md, "Page request"); every list and string has a limit, so a hostile page
// cannot flood the bridge:
//   url, title, lang, text      location.href, document.title, <html lang>, the visible text (innerText skips
//                               hidden and script content, as py/holdguide/extract.py does for saved pages)
//   alerts                      visible texts of Amazon's alert boxes (.a-alert-heading, .a-alert-content) and of
//                               [role=alert] elements: read separately from `text`, so a notice at the end of a
//                               huge page is never cut off with the text
//   headings                    visible h1-h4 texts
//   forms                       each form's action and its fields' name, type and autocomplete (never values)
//   links                       the targets of the page's links, as the browser resolved them (a.href)
(() => {
  /** @type {{text: number, title: number, alerts: [number, number], headings: [number, number],
   *            forms: [number, number, number, number], links: [number, number]}} */
  const LIMITS = {
    text: 200_000,
    title: 1_000,
    alerts: [20, 2_000],
    headings: [40, 300],
    forms: [10, 40, 500, 100], // forms, fields per form, action length, field attribute length
    links: [200, 1_000],
  };

  const visible = (el) =>
    typeof el.checkVisibility === "function" ? el.checkVisibility() : el.getClientRects().length > 0;
  const squash = (s) => (s ?? "").replace(/\s+/g, " ").trim();

  /** Distinct visible texts of the elements `selector` finds, in page order, bounded in count and length. */
  function texts(selector, [count, length]) {
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      if (out.length >= count) break;
      if (!visible(el)) continue;
      const value = squash(el.innerText).slice(0, length);
      if (value && !out.includes(value)) out.push(value);
    }
    return out;
  }

  function forms([count, fields, actionLength, attrLength]) {
    return [...document.forms].slice(0, count).map((form) => ({
      // getAttribute, not form.action: a field named "action" shadows the property (DOM clobbering).
      action: String(form.getAttribute("action") ?? "").slice(0, actionLength),
      fields: [...form.querySelectorAll("input, select, textarea")].slice(0, fields).map((field) => ({
        name: String(field.getAttribute("name") ?? "").slice(0, attrLength),
        type: String(field.getAttribute("type") ?? field.tagName.toLowerCase()).slice(0, attrLength),
        autocomplete: String(field.getAttribute("autocomplete") ?? "").slice(0, attrLength),
      })),
    }));
  }

  function links([count, length]) {
    const out = [];
    for (const a of document.querySelectorAll("a[href]")) {
      if (out.length >= count) break;
      const href = String(/** @type {HTMLAnchorElement} */ (a).href ?? "").slice(0, length); // resolved against the page; SVG links give objects
      if (href && !out.includes(href)) out.push(href);
    }
    return out;
  }

  return {
    url: location.href,
    title: document.title.slice(0, LIMITS.title),
    lang: document.documentElement.getAttribute("lang") ?? "",
    text: (document.body?.innerText ?? "").slice(0, LIMITS.text),
    alerts: texts(".a-alert-heading, .a-alert-content, [role=alert], [role=alertdialog]", LIMITS.alerts),
    headings: texts("h1, h2, h3, h4", LIMITS.headings),
    forms: forms(LIMITS.forms),
    links: links(LIMITS.links),
  };
})();
