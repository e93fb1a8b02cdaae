// The background's side of offscreen/python-worker.js: one module Worker, requests matched to answers by id, and
// an idle timer so Python does not stay resident. Used by Chrome's offscreen document and by Firefox's event page
// (lib/platform.js, `backgroundRunsWorkers`).

/** After this long without a request the Worker (and in Chrome the offscreen document) goes away. */
export const IDLE_MS = 30_000;

const WORKER_URL = new URL("../offscreen/python-worker.js", import.meta.url);

/**
 * `start()` creates the Worker (Python starts booting at once); `call(request)` resolves to the bridge's response
 * and never rejects (a Worker that failed answers `{ok: false, error, boot_failed: true}`); `status()` says whether
 * it runs and how Python started. `onIdle` runs once the Worker has been stopped for idleness.
 */
export function createWorkerClient({ idleMs = IDLE_MS, onIdle = () => {} } = {}) {
  let worker = null;
  let boot = null;
  let lastId = 0;
  let idleTimer;
  const pending = new Map();

  function start() {
    if (worker) return;
    worker = new Worker(WORKER_URL, { type: "module" });
    worker.onmessage = ({ data }) => {
      if (data.boot) {
        boot = data.boot;
        return;
      }
      pending.get(data.id)?.(data.response);
      pending.delete(data.id);
      armIdleTimer();
    };
    worker.onerror = (event) =>
      stop({ ok: false, error: `Python worker: ${event.message ?? "failed"}`, boot_failed: true });
    armIdleTimer();
  }

  /** Terminate the Worker, answering whatever was still waiting with `failure`. */
  function stop(failure) {
    for (const resolve of pending.values()) resolve(failure);
    pending.clear();
    worker?.terminate();
    worker = null;
    boot = null;
  }

  function armIdleTimer() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (pending.size) return armIdleTimer();
      stop({ ok: false, error: "stopped" });
      onIdle();
    }, idleMs);
  }

  return {
    start,
    call(request) {
      start();
      clearTimeout(idleTimer);
      const id = ++lastId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, request });
      });
    },
    status: () => ({ running: Boolean(worker), boot, pending: pending.size }),
  };
}
