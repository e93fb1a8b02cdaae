// The guidance overlay drawn on the page: the plan, one step at a time.
//
// Injected by the popup after lib/render-plan.js and lib/case-store.js; the popup then calls show(model) on the
// instance kept under Symbol.for("hold-guide.overlay"), with model = {situation, phishing, trusted, plan, caseKey,
// today}. Hooks (../shared/contract.md): the host element is #hold-guide-overlay with data-situation; everything
// else lives in its shadow root, so page styles cannot reach in and ours cannot leak out. Page text never goes in
// here; plan strings from Python go in as text only.
//
// The page may be the adversary (a fake sign-in page, a page that plants elements or scripts), so (issue 9):
//   - nothing is looked up by a name the page can shadow: DOM clobbering (an element with id="HoldGuideOverlay"
//     becomes a named property of `window` in this world too) cannot reach a Symbol-keyed property;
//   - each show() draws into a fresh host element, found through the reference kept here, never by id (the page
//     may have planted its own #hold-guide-overlay);
//   - the shadow root is closed, so page script cannot read the mailto links (name, order number) nor rewrite the
//     warning; only the test build (build.py) may open it, and only when a test asks for it (TEST_HOOKS);
//   - clicks and keys that a script synthesised (event.isTrusted false) are ignored (lib/render-plan.js), so a page
//     cannot log steps as done;
//   - on a page that is not an official Amazon host (model.trusted false) it shows only the warning and says so:
//     a hostile page can always draw a fake box of its own, and the popup, which no page can touch, is where a
//     verdict is trusted.
//
// It must never hide Amazon's own form (the shopper may need it): it docks to the side of the viewport and
// starts collapsed to a small tab when the viewport is too narrow to show both.
(() => {
  const OVERLAY = Symbol.for("hold-guide.overlay");
  if (globalThis[OVERLAY]) return; // injected again by a second popup opening: keep one instance

  /** Set to true by build.py in the test build only (dist/extension-test/), never in the release. */
  const TEST_HOOKS = false;
  /** In the test build, a test opens the shadow root by marking the page's <html> with this attribute. */
  const TEST_OPEN_ATTRIBUTE = "data-hold-guide-test-open-shadow";

  const HOST_ID = "hold-guide-overlay";
  const PANEL_WIDTH = 360;
  const R = globalThis[Symbol.for("hold-guide.render")];
  const Cases = globalThis[Symbol.for("hold-guide.cases")];

  // :host rules marked !important win over the page's rules for the host element, even its !important ones
  // (CSS Cascade 5, "context"): page CSS cannot hide, shrink or fade the box.
  const CSS = `
    :host { all: initial !important; display: block !important; visibility: visible !important;
      position: static !important; }
    .panel, .tab { position: fixed; z-index: 2147483647; font: 14px/1.45 system-ui, sans-serif;
      color: #0f1111; background: #fff; border: 1px solid #d5d9d9; box-shadow: 0 4px 16px rgb(0 0 0 / .18); }
    .panel { inset-block-start: 12px; inset-inline-end: 12px; width: ${PANEL_WIDTH}px; max-height: calc(100vh - 24px);
      overflow: auto; border-radius: 10px; padding: 12px 14px; box-sizing: border-box; }
    .tab { inset-block-end: 16px; inset-inline-end: 0; border-radius: 8px 0 0 8px; padding: 8px 12px; cursor: pointer; }
    :host([dir=rtl]) .tab { border-radius: 0 8px 8px 0; }
    header { display: flex; align-items: center; gap: 6px; margin-block-end: 6px; }
    header h2 { font-size: 15px; margin: 0; flex: 1; }
    .progress { font-size: 12px; color: #565959; margin: 0 0 4px; }
    h3 { font-size: 15px; margin: 4px 0; }
    .warning { background: #fff4e5; border-inline-start: 4px solid #c45500; padding: 6px 8px; margin: 6px 0; }
    .phishing { background: #fdecea; border-inline-start-color: #b12704; }
    .untrusted-note { font-size: 13px; color: #565959; margin: 8px 0 0; }
    .nav, .marks { display: flex; gap: 8px; margin-block-start: 10px; flex-wrap: wrap; }
    button { font: inherit; padding: 5px 10px; border-radius: 6px; border: 1px solid #888c8c; background: #f7fafa;
      color: inherit; cursor: pointer; }
    button.primary { background: #ffd814; border-color: #fcd200; }
    button.icon { padding: 2px 8px; }
    button:focus-visible, a:focus-visible, .tab:focus-visible { outline: 3px solid #007185; outline-offset: 2px; }
    a { color: #007185; }
    ul { padding-inline-start: 18px; margin: 4px 0; }
    .hg-copies { display: inline-flex; gap: 4px; margin-inline-start: 6px; }
    .hg-copy { font-size: 12px; padding: 1px 6px; }
    .mark { font-size: 12px; color: #067d62; }
    .mark.failed { color: #b12704; }
    .hg-wait, .hg-tip { font-size: 13px; color: #565959; }
    @media (prefers-color-scheme: dark) {
      .panel, .tab { color: #e6e6e6; background: #1f2428; border-color: #444; }
      button { background: #2b3137; border-color: #666; }
      button.primary { background: #f0c14b; color: #111; }
      a { color: #7fd3e6; } .progress, .hg-wait, .hg-tip, .untrusted-note { color: #b0b0b0; }
      .warning { background: #3a2a12; } .phishing { background: #3d1c17; }
    }
    @media (prefers-reduced-motion: no-preference) { .panel { transition: opacity .15s; } }
  `;

  let state = null; // {model, index, collapsed, marks}
  let host = null; // our host element: a reference, never looked up by id
  let root = null; // its shadow root (closed: the page gets null from host.shadowRoot)

  /** A new host element in place of ours (the page may have kept a handle on the old one). */
  function freshHost() {
    host?.remove();
    host = document.createElement("div");
    host.id = HOST_ID;
    const open = TEST_HOOKS && document.documentElement.hasAttribute(TEST_OPEN_ATTRIBUTE);
    if (TEST_HOOKS) host.setAttribute("data-hold-guide-test-host", "");
    root = host.attachShadow({ mode: open ? "open" : "closed" });
    document.documentElement.append(host);
  }

  async function show(model) {
    if (!model.plan) return remove();
    const marks = model.caseKey && model.trusted && !model.phishing ? await Cases.progress(model.caseKey) : {};
    const steps = model.plan.steps;
    const firstOpen = Math.max(0, steps.findIndex((s) => marks[s.id] !== "done"));
    const sameCase = state?.model.plan.steps.map((s) => s.id).join() === steps.map((s) => s.id).join();
    const narrow = window.innerWidth < PANEL_WIDTH * 2 + 480;
    state = {
      model,
      marks,
      index: sameCase ? Math.min(state.index, steps.length - 1) : firstOpen,
      collapsed: sameCase ? state.collapsed : narrow,
    };
    freshHost();
    draw();
  }

  function remove() {
    host?.remove();
    host = root = state = null;
  }

  function draw(focusSelector) {
    if (!host.isConnected) document.documentElement.append(host); // the page took it out: put it back
    const { plan, situation, phishing, trusted } = state.model;
    host.dataset.situation = situation;
    host.setAttribute("dir", plan.direction ?? "ltr");
    host.setAttribute("lang", plan.language);
    const body = state.collapsed ? drawTab(plan) : trusted ? drawPanel(plan, phishing) : drawWarningOnly(plan, phishing);
    root.replaceChildren(R.el(document, "style", { text: CSS }), body);
    root.querySelector(focusSelector ?? "none")?.focus();
  }

  function drawTab(plan) {
    const ui = plan.ui;
    const label = `${ui.expand}: ${plan.verdict ?? plan.title}`;
    return R.el(document, "button", {
      className: "tab", type: "button", "aria-label": label, "aria-expanded": "false", text: ui.tab,
      onclick: () => { state.collapsed = false; draw(".panel button"); },
    });
  }

  /** The panel's frame: a dialog with the heading and the collapse and close buttons. */
  function panelFrame(title) {
    const ui = state.model.plan.ui;
    const panel = R.el(document, "section", { className: "panel", role: "dialog", "aria-modal": "false",
      "aria-label": title, tabindex: "-1", onkeydown: (event) => {
        if (event.key === "Escape") { state.collapsed = true; draw(".tab"); }
      } });
    panel.append(R.el(document, "header", {},
      R.el(document, "h2", { text: title }),
      R.el(document, "button", { type: "button", className: "icon collapse", "aria-label": ui.collapse,
        title: ui.collapse, text: "–", onclick: () => { state.collapsed = true; draw(".tab"); } }),
      R.el(document, "button", { type: "button", className: "icon dismiss", "aria-label": ui.dismiss,
        title: ui.dismiss, text: "×", onclick: remove })));
    return panel;
  }

  /** On a page that is not an official Amazon host: the danger, the safe way out in a sentence, and why no more. */
  function drawWarningOnly(plan, phishing) {
    const panel = panelFrame(plan.verdict ?? plan.title);
    if (phishing) panel.append(R.el(document, "p", { className: "warning phishing", role: "alert", text: plan.intro }));
    for (const warning of plan.warnings) panel.append(R.el(document, "p", { className: "warning", text: warning }));
    panel.append(R.el(document, "p", { className: "untrusted-note", text: plan.ui.untrusted }));
    return panel;
  }

  function drawPanel(plan, phishing) {
    const ui = plan.ui;
    const steps = plan.steps;
    const step = steps[state.index];
    const panel = panelFrame(plan.title);
    for (const warning of plan.warnings.slice(0, phishing ? undefined : 1)) {
      panel.append(R.el(document, "p", { className: phishing ? "warning phishing" : "warning", text: warning }));
    }
    const mark = state.marks[step.id];
    panel.append(
      R.el(document, "p", { className: "progress", "aria-live": "polite",
        text: step.counter }),  // "Step 2 of 6", filled by Python in the plan's language
      R.el(document, "h3", { className: "step-title", "data-step": step.id, text: step.title }),
      R.renderStepBody(document, step, ui),
    );
    if (mark) {
      panel.querySelector(".step-title").after(R.el(document, "p", { className: `mark ${mark}`,
        text: mark === "done" ? ui.marked_done : ui.marked_failed }));
    }
    if (!phishing && state.model.caseKey) {
      panel.append(R.el(document, "div", { className: "marks" },
        R.el(document, "button", { type: "button", className: "done", text: ui.done, onclick: () => markStep("done") }),
        R.el(document, "button", { type: "button", className: "failed", text: ui.failed, onclick: () => markStep("failed") })));
    }
    panel.append(R.el(document, "div", { className: "nav" },
      R.el(document, "button", { type: "button", className: "back", text: ui.back, disabled: state.index === 0,
        onclick: () => go(-1, ".back") }),
      R.el(document, "button", { type: "button", className: "next primary", text: ui.next,
        disabled: state.index === steps.length - 1, onclick: () => go(1, ".next") })));
    return panel;
  }

  function go(delta, focusSelector) {
    const last = state.model.plan.steps.length - 1;
    state.index = Math.min(last, Math.max(0, state.index + delta));
    // Keep focus on the button pressed, or on the other one when this one just became disabled.
    const edge = state.index === 0 || state.index === last;
    draw(edge ? (focusSelector === ".next" ? ".back" : ".next") : focusSelector);
  }

  async function markStep(outcome) {
    const step = state.model.plan.steps[state.index];
    await Cases.add(state.model.caseKey, { when: state.model.today, channel: step.channel ?? "other",
      step: step.id, note: step.title, outcome });
    state.marks[step.id] = outcome;
    if (outcome === "done" && state.index < state.model.plan.steps.length - 1) state.index += 1;
    draw(".next:not([disabled]), .back");
  }

  Object.defineProperty(globalThis, OVERLAY, { value: Object.freeze({ show, remove }) });
})();
