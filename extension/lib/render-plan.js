// Draws the plan JSON that Python returns (shape: ../shared/contract.md, "plan") as DOM nodes.
//
// Shared by the popup (a <script> tag) and the page overlay (injected before content/overlay.js), so the
// steps look and behave the same in both places. A classic script on purpose: content scripts cannot be
// ES modules. Every string from Python or the page goes in through textContent, never innerHTML, and a link
// is drawn only when its URL uses a scheme our own data produces (https:, mailto:, tel:).
//
// On a page, the page may be the adversary (issue 9): the API is kept under a Symbol, which no element id can
// shadow (DOM clobbering reaches only string names), and every handler given to `el` ignores events a script
// synthesised (`isTrusted` false: a page's `button.click()` or dispatchEvent), so only the shopper's own clicks
// and keys count.
(() => {
  const RENDER = Symbol.for("hold-guide.render");
  if (globalThis[RENDER]) return; // injected twice into the same page: keep the first

  const SAFE_SCHEMES = new Set(["https:", "mailto:", "tel:"]);

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      return SAFE_SCHEMES.has(new URL(url).protocol) ? url : null;
    } catch {
      return null;
    }
  }

  function el(doc, tag, props = {}, ...children) {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2).toLowerCase(), trusted(value));
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  /** `handler`, called only for events the browser made from the user's input (not a script's). */
  function trusted(handler) {
    return (event) => (event.isTrusted ? handler(event) : undefined);
  }

  /**
   * Copy `text` to the clipboard. A page overlay may lack clipboard permission: then a selection-based copy, through a
   * text area placed in `container` (the overlay passes a node of its closed shadow root, so the e-mail's text with
   * the shopper's details never enters the page's own DOM, where page script could read it).
   */
  async function copyText(text, container = document.body) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = Object.assign(document.createElement("textarea"), { value: text });
      area.style.cssText = "position:fixed;opacity:0;pointer-events:none";
      container.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  }

  /** A copy button that says "copied" for a moment. `labels` = {copied}. */
  function copyButton(doc, label, text, labels) {
    const button = el(doc, "button", { type: "button", className: "hg-copy", text: label });
    button.addEventListener("click", trusted(async () => {
      if (await copyText(text, button.parentNode ?? doc.body)) {
        button.textContent = labels.copied;
        setTimeout(() => (button.textContent = label), 1500);
      }
    }));
    return button;
  }

  /** One link of a step, with copy buttons for e-mail links (mailto: does nothing without a mail program). */
  function renderLink(doc, link, labels) {
    const item = el(doc, "li", { className: `hg-link hg-link-${link.kind}`, "data-kind": link.kind });
    const url = safeUrl(link.url);
    item.append(
      url
        ? el(doc, "a", { href: url, target: "_blank", rel: "noopener noreferrer", text: link.label })
        : el(doc, "span", { text: link.label }),
    );
    if (link.copy) {
      const copies = el(doc, "div", { className: "hg-copies" });
      for (const key of ["address", "subject", "body"]) {
        if (link.copy[key]) copies.append(copyButton(doc, labels[`copy_${key}`] ?? key, link.copy[key], labels));
      }
      item.append(copies);
    }
    return item;
  }

  /** The body of one step: text, links, expected wait and tip. */
  function renderStepBody(doc, step, labels) {
    const body = el(doc, "div", { className: "hg-step-body" });
    if (step.text) body.append(el(doc, "p", { className: "hg-step-text", text: step.text }));
    if (step.links?.length) {
      body.append(el(doc, "ul", { className: "hg-links" }, ...step.links.map((l) => renderLink(doc, l, labels))));
    }
    if (step.wait) body.append(el(doc, "p", { className: "hg-wait", text: step.wait }));
    if (step.tip) body.append(el(doc, "p", { className: "hg-tip", text: step.tip }));
    return body;
  }

  /** A titled list of strings (reasons, tips, prevention, warnings); nothing when the list is empty. */
  function renderList(doc, title, items, className) {
    if (!items?.length) return null;
    return el(
      doc,
      "section",
      { className },
      el(doc, "h3", { text: title }),
      el(doc, "ul", {}, ...items.map((text) => el(doc, "li", { text }))),
    );
  }

  const api = { el, trusted, safeUrl, copyText, copyButton, renderLink, renderStepBody, renderList };
  Object.defineProperty(globalThis, RENDER, { value: Object.freeze(api) });
})();
