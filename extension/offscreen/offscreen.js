// Chrome's offscreen document: hosts the Worker that runs Python for the background service worker, which has no
// Worker constructor of its own (../shared/notes/platform-facts.md, "Analysis ready before the click").
//
// Only `chrome.runtime` exists here (no storage, no badge), and messages reach every extension page: the listener
// answers only messages whose `target` is "offscreen", and is registered before any `await`. When no request has
// come for a while the document closes itself, so nothing stays resident: the background makes a new one when
// the next Amazon account page loads.
import { createWorkerClient, IDLE_MS } from "../lib/worker-client.js";

const python = createWorkerClient({ idleMs: IDLE_MS, onIdle: () => window.close() });
python.start(); // made because an Amazon account page is loading: Python boots while it loads

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.target !== "offscreen") return false;
  if (message.type === "status") {
    sendResponse(python.status());
    return false;
  }
  python.call(message.request).then(sendResponse);
  return true; // the answer comes asynchronously
});
