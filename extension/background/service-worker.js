// Background service worker (Chrome) / event page (Firefox).
//
// It holds no analysis of its own: the popup runs Python on demand, so nothing stays resident for people
// who never open it. A service worker is still declared because Chrome needs one to route extension
// events, and it gives the extension a stable place for the coming "ready before the click" analysis
// (content script on Amazon account pages -> here -> offscreen document running py-bridge.js).
import { api } from "../lib/platform.js";

api.runtime.onInstalled.addListener(() => {
  // Session storage is readable from content scripts only when allowed; the overlay reads its own progress
  // through the popup, so keep the default (trusted contexts only).
  api.storage.session?.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" });
});
