// The logic frame: an opaque-origin relay between the host page and the worker that runs the package's code.
// It starts the worker from a blob (a URL of the server would be cross-origin to this frame), and only ever talks
// to its parent, at the origin the parent first wrote from.
'use strict';
(() => {
  let worker = null;
  let hostOrigin = null;

  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    if (worker === null) {
      if (!event.data || event.data.type !== 'init') return;
      hostOrigin = event.origin;
      start(event.data);
    } else if (event.origin === hostOrigin) {
      worker.postMessage(event.data);
    }
  });

  function start(init) {
    const file = (name) => JSON.stringify(new URL(name, location.href).href);
    const source = 'importScripts(' + file('modules.js') + ', ' + file('wx-base.js') + ', ' + file('worker.js') + ');';
    worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { name: 'hutong-logic' });
    worker.onmessage = (event) => parent.postMessage(event.data, hostOrigin);
    worker.onerror = (event) => parent.postMessage({ type: 'error', message: String(event.message || 'worker error') }, hostOrigin);
    worker.postMessage(init);
  }
})();
