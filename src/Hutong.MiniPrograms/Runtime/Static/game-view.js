// A mini-game's view frame (game.html) or its open data context's frame (open-data.html): an opaque-origin page
// holding one canvas, handed to a worker as an OffscreenCanvas, and the worker that runs the game's code. The frame
// runs no code of the game's. It ticks the worker's requestAnimationFrame while shown, forwards the person's touches
// (the game frame only; the host passes them on to the open data context), loads images and plays sounds the
// worker asks for, relays the worker's calls to the host (at most a few hundred a second), and stops a worker that
// no longer answers. It only ever talks to its parent, at the origin the parent first wrote from.
'use strict';
(() => {
  const role = document.documentElement.dataset.role === 'openData' ? 'openData' : 'game';
  const WATCHDOG_MS = 5000;
  const MAX_MESSAGES_PER_SECOND = 300;
  const MAX_IMAGES_LOADING = 64;
  const MAX_AUDIOS = 32;

  let hostOrigin = null;
  let worker = null;
  let assetsBase = null;
  let stage = null;
  let visible = true;
  const canvas = document.createElement('canvas');

  const toHost = (message) => parent.postMessage(message, hostOrigin);
  const toWorker = (message, transfer) => { if (worker) worker.postMessage(message, transfer || []); };

  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (hostOrigin === null) {
      if (message.type !== 'init') return;
      hostOrigin = event.origin;
      start(message);
      return;
    }
    if (event.origin !== hostOrigin) return;
    switch (message.type) {
      case 'ping': toHost({ type: 'pong', id: message.id }); return;
      case 'show': setVisible(true); return;
      case 'hide': setVisible(false); return;
      case 'callResult': toWorker(message); return;
      case 'share': if (role === 'game') toWorker({ type: 'share' }); return;
      case 'touch': if (role === 'openData') toWorker({ type: 'touch', kind: message.kind, event: message.event }); return;
      case 'message': if (role === 'openData') toWorker({ type: 'message', data: message.data }); return;
      default:
    }
  });

  function start(init) {
    assetsBase = init.assetsBaseUrl;
    visible = init.visible !== false;
    const pixelRatio = devicePixelRatio || 1;
    stage = { width: innerWidth, height: innerHeight, pixelRatio };
    canvas.width = Math.round(stage.width * pixelRatio);
    canvas.height = Math.round(stage.height * pixelRatio);
    document.body.appendChild(canvas);
    const offscreen = canvas.transferControlToOffscreen();
    const systemInfo = {
      ...(init.systemInfo || {}),
      windowWidth: stage.width, windowHeight: stage.height, screenWidth: stage.width, screenHeight: stage.height, pixelRatio,
      safeArea: { left: 0, top: 0, right: stage.width, bottom: stage.height, width: stage.width, height: stage.height },
      deviceOrientation: stage.width > stage.height ? 'landscape' : 'portrait',
    };

    // A blob worker: a URL of the server would be cross-origin to this opaque frame. It inherits the frame's CSP.
    const file = (name) => JSON.stringify(new URL(name, location.href).href);
    const source = 'importScripts(' + file('modules.js') + ', ' + file('wx-base.js') + ', ' + file('game-common.js') + ', ' + file(role === 'game' ? 'game-worker.js' : 'open-data-worker.js') + ');';
    worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { name: role === 'game' ? 'hutong-game' : 'hutong-open-data' });
    worker.onmessage = onWorkerMessage;
    worker.onerror = (event) => { if (allowed()) toHost({ type: 'error', message: String(event.message || 'worker error') }); };
    worker.postMessage({ type: 'init', canvas: offscreen, stage, systemInfo, launch: init.launch || {}, scriptUrl: init.scriptUrl }, [offscreen]);
    if (role === 'game') listenToTouches(!!init.forwardTouches);
    watch();
  }

  // ---- relaying, bounded --------------------------------------------------------------------------------------------
  let windowStart = 0;
  let windowCount = 0;
  function allowed() {
    const now = performance.now();
    if (now - windowStart >= 1000) { windowStart = now; windowCount = 0; }
    return ++windowCount <= MAX_MESSAGES_PER_SECOND;
  }

  function onWorkerMessage(event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'pong': if (pending && message.id === pending.id) pending = null; return;
      case 'raf': tickWanted = true; scheduleTick(); return;
      case 'image': loadImage(message); return;
      case 'audio': if (role === 'game') audio(message); return;
      case 'call':
        if (allowed()) toHost(message);
        else toWorker({ type: 'callResult', callId: message.callId, ok: false, res: { errMsg: String(message.api) + ':fail too many calls' } });
        return;
      case 'ready': case 'error': case 'odcMessage': case 'accessibleText':
        if (allowed()) toHost(message);
        return;
      default:
    }
  }

  // ---- the watchdog: a worker that does not answer within 5 s is stopped ----------------------------------------------
  let pending = null;
  let nextPing = 1;
  let watchdog = null;
  function watch() {
    watchdog = setInterval(() => {
      if (pending) {
        if (performance.now() - pending.at > WATCHDOG_MS) stop('unresponsive');
        return;
      }
      pending = { id: nextPing++, at: performance.now() };
      toWorker({ type: 'ping', id: pending.id });
    }, 1000);
  }

  function stop(reason) {
    clearInterval(watchdog);
    if (worker) worker.terminate();
    worker = null;
    for (const id of [...audios.keys()]) destroyAudio(id);
    toHost({ type: 'stopped', reason });
  }

  // ---- frames -------------------------------------------------------------------------------------------------------
  let tickWanted = false;
  let tickScheduled = false;
  function scheduleTick() {
    if (tickScheduled || !visible || !tickWanted) return;
    tickScheduled = true;
    requestAnimationFrame((time) => {
      tickScheduled = false;
      if (!visible || !worker) return;
      tickWanted = false;
      toWorker({ type: 'tick', time });
    });
  }

  function setVisible(value) {
    if (visible === value) return;
    visible = value;
    toWorker({ type: value ? 'show' : 'hide' });
    for (const entry of audios.values()) {
      if (!value && !entry.element.paused) { entry.pausedByHide = true; entry.element.pause(); }
      else if (value && entry.pausedByHide) { entry.pausedByHide = false; entry.element.play().catch(() => {}); }
    }
    scheduleTick();
  }

  // ---- touches, in WeChat's shape, in CSS pixels of the stage ---------------------------------------------------------------
  function listenToTouches(forward) {
    const active = new Map();
    const touchOf = (event) => {
      const rect = canvas.getBoundingClientRect();
      const x = (event.clientX - rect.left) * (stage.width / (rect.width || 1));
      const y = (event.clientY - rect.top) * (stage.height / (rect.height || 1));
      return { identifier: event.pointerId, clientX: x, clientY: y, pageX: x, pageY: y, force: event.pressure || 0 };
    };
    const emit = (kind, changed, event) => {
      const touch = { touches: [...active.values()], changedTouches: [changed], timeStamp: event.timeStamp };
      toWorker({ type: 'touch', kind, event: touch });
      if (forward) toHost({ type: 'touch', kind, event: touch });
    };
    canvas.addEventListener('pointerdown', (event) => {
      if (event.button > 0) return;
      canvas.setPointerCapture(event.pointerId);
      const touch = touchOf(event);
      active.set(event.pointerId, touch);
      emit('start', touch, event);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!active.has(event.pointerId)) return;
      const touch = touchOf(event);
      active.set(event.pointerId, touch);
      emit('move', touch, event);
    });
    for (const [type, kind] of [['pointerup', 'end'], ['pointercancel', 'cancel']]) {
      canvas.addEventListener(type, (event) => {
        if (!active.has(event.pointerId)) return;
        const touch = touchOf(event);
        active.delete(event.pointerId);
        emit(kind, touch, event);
      });
    }
    canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  }

  // ---- images and sounds from the package (or data: and, for the game, https: URLs) ------------------------------------------
  function assetUrl(src) {
    const text = String(src || '');
    if (text === '') return null;
    if (/^(data:|https:)/i.test(text)) return text;
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith(new URL(assetsBase).origin + '/')) return null;
    return new URL(text.replace(/^\/+/, ''), assetsBase).href;
  }

  let imagesLoading = 0;
  function loadImage(message) {
    const fail = (errMsg) => toWorker({ type: 'image', id: message.id, errMsg });
    const url = assetUrl(message.src);
    if (!url) { fail('invalid image src: ' + String(message.src).slice(0, 200)); return; }
    if (imagesLoading >= MAX_IMAGES_LOADING) { fail('too many images loading at once'); return; }
    imagesLoading++;
    const image = new Image();
    // The node serves assets to any origin, so they come back readable and do not taint the canvas.
    if (url.startsWith(new URL(assetsBase).origin + '/')) image.crossOrigin = 'anonymous';
    image.onload = () => {
      createImageBitmap(image).then((bitmap) => {
        imagesLoading--;
        if (worker) worker.postMessage({ type: 'image', id: message.id, bitmap }, [bitmap]); else bitmap.close();
      }, (error) => { imagesLoading--; fail(String(error && error.message)); });
    };
    image.onerror = () => { imagesLoading--; fail('image load failed: ' + String(message.src).slice(0, 200)); };
    image.src = url;
  }

  const audios = new Map(); // id -> { element, pausedByHide }
  const audioEvents = { canplay: 'Canplay', play: 'Play', pause: 'Pause', ended: 'Ended', timeupdate: 'TimeUpdate', error: 'Error', waiting: 'Waiting', seeking: 'Seeking', seeked: 'Seeked' };

  function audioState(element) {
    return { paused: element.paused, currentTime: element.currentTime, duration: Number.isFinite(element.duration) ? element.duration : 0, buffered: element.buffered.length ? element.buffered.end(element.buffered.length - 1) : 0 };
  }

  function setAudio(entry, props) {
    const element = entry.element;
    for (const [name, value] of Object.entries(props || {})) {
      if (name === 'src') {
        const url = assetUrl(value);
        if (url) element.src = url; else element.removeAttribute('src');
      } else if (name === 'autoplay') element.autoplay = !!value;
      else if (name === 'loop') element.loop = !!value;
      else if (name === 'volume') element.volume = Math.min(1, Math.max(0, Number(value) || 0));
      else if (name === 'playbackRate') element.playbackRate = Math.min(2, Math.max(0.5, Number(value) || 1));
      else if (name === 'startTime') entry.startTime = Math.max(0, Number(value) || 0);
    }
  }

  function destroyAudio(id) {
    const entry = audios.get(id);
    if (!entry) return;
    audios.delete(id);
    entry.element.pause();
    entry.element.removeAttribute('src');
    entry.element.load();
  }

  function audio(message) {
    const id = message.id;
    const send = (event, extra) => { const entry = audios.get(id); toWorker({ type: 'audio', id, event, state: entry ? audioState(entry.element) : {}, ...extra }); };
    if (message.op === 'create') {
      if (audios.size >= MAX_AUDIOS || audios.has(id)) { toWorker({ type: 'audio', id, event: 'Error', errMsg: 'too many audio contexts' }); return; }
      const entry = { element: new Audio(), pausedByHide: false, startTime: 0 };
      entry.element.preload = 'auto';
      audios.set(id, entry);
      for (const [type, name] of Object.entries(audioEvents)) {
        entry.element.addEventListener(type, () => send(name, type === 'error' ? { errMsg: 'audio error ' + (entry.element.error ? entry.element.error.code : '') } : undefined));
      }
      setAudio(entry, message.props);
      return;
    }
    const entry = audios.get(id);
    if (!entry) return;
    const element = entry.element;
    switch (message.op) {
      case 'set': setAudio(entry, message.props); return;
      case 'play':
        if (element.currentTime === 0 && entry.startTime) element.currentTime = entry.startTime;
        element.play().catch((error) => send('Error', { errMsg: String(error && error.message) }));
        return;
      case 'pause': element.pause(); return;
      case 'stop': element.pause(); element.currentTime = entry.startTime || 0; send('Stop'); return;
      case 'seek': element.currentTime = Math.max(0, Number(message.position) || 0); return;
      case 'destroy': destroyAudio(id); return;
      default:
    }
  }
})();
