// The mini-game host: an ES module the web client imports when a person opens a mini-game. It makes a stage of the
// game's orientation, the game's frame (game.html: a canvas and the worker running the game's code) and, when the
// game has one, its open data context's frame (open-data.html) layered over it, and routes the bridge between them
// and the embedder's services. Every message counts only when it comes from the exact frame window made for it with
// an opaque origin, has a known type and well-formed fields, and (for calls) names an API that frame's context may
// use. The game may post plain data to the open data context; nothing from the open data context ever reaches the game.

const runtimeVersion = new URL(import.meta.url).searchParams.get('v');
// The native UI shared with the mini-program host, at this runtime's version (a static import could not name it).
const { toasts, showModal, el, englishTexts } = await import(new URL('native-ui.js' + (runtimeVersion ? '?v=' + runtimeVersion : ''), import.meta.url).href);
const PING_MS = 1000;
const WATCHDOG_MS = 5000;
const MAX_ODC_MESSAGE_CHARS = 64 * 1024;
const MAX_ODC_QUEUE = 100;
const MAX_KEYS = 128;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isId = (v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31;
const isName = (v) => typeof v === 'string' && v.length > 0 && v.length <= 200;
const touchKinds = new Set(['start', 'move', 'end', 'cancel']);

// A game host's own words beside those of native-ui.js (close among them).
const englishGameTexts = {
  stopped: 'The game stopped responding',
  stoppedDetail: 'It was stopped so that the rest of the app keeps working.',
  restart: 'Restart',
  board: 'Leaderboard',
};

/**
 * Opens a mini-game in container.
 * @param {HTMLElement} container
 * @param {object} launch { appId, name, version, envVersion, config, gameJsUrl, openDataJsUrl, assetsBaseUrl,
 *   runtimeBaseUrl, query, storage, shareTicket, fromCard, systemInfo, texts }
 * @param {object} services the embedder's callbacks (all optional): login, checkSession, request, setStorage,
 *   removeStorage, clearStorage, setClipboardData, share, close, ui { toast, modal, loading }, and cloudStorage
 *   { set, remove, get, keys, friends, group, shareInfo }
 * @returns {{ unmount(): void, share(): boolean, hide(): void, show(): void, restart(): void, stats: object }}
 */
export function mount(container, launch, services = {}) {
  const config = (typeof launch.config === 'string' ? JSON.parse(launch.config || '{}') : launch.config) || {};
  const runtimeBase = new URL(launch.runtimeBaseUrl || new URL('./', import.meta.url).href, location.href).href;
  const frameUrl = (file) => runtimeBase + file + (runtimeVersion ? '?v=' + encodeURIComponent(runtimeVersion) : '');
  const texts = { ...englishTexts, ...englishGameTexts, ...(launch.texts || {}) };
  const cloud = services.cloudStorage || {};
  const stats = { dropped: 0, reasons: [], stopped: null, odcMessages: 0 };
  // The game's storage as its writes leave it, so a restarted game reads what it wrote before.
  let storage = Object.assign(Object.create(null), launch.storage || {});

  // ---- DOM -------------------------------------------------------------------------------------------------------
  // data-state: 'loading' until the game's code has run its first lines, then 'running', or 'stopped'.
  const root = el('div', { class: 'hmg', 'data-state': 'loading' });
  const style = el('link', { rel: 'stylesheet', href: frameUrl('host.css') });
  const stage = el('div', { class: 'hmg-stage' });
  // What the open data context says its board shows: outside every frame, where no part of the game can read it.
  const boardText = el('div', { class: 'hmg-board-text', role: 'status', 'aria-live': 'polite', 'aria-label': texts.board });
  const layer = el('div', { class: 'hmp-layer' });
  root.append(style, stage, boardText, layer);
  container.appendChild(root);
  const size = stageSize(container, config.deviceOrientation === 'landscape' ? 'landscape' : 'portrait');
  stage.style.width = size.width + 'px';
  stage.style.height = size.height + 'px';

  // ---- frames ------------------------------------------------------------------------------------------------------
  let visible = document.visibilityState !== 'hidden';
  let gameFrame = null;
  let odcFrame = null;
  let stoppedPanel = null;
  const frames = new Map(); // window -> frame state

  function makeFrame(role) {
    const odc = role === 'openData';
    const frame = {
      role, element: null, window: null, loads: 0, ready: false, queue: [], lastPing: null, pingId: 0, timer: null,
    };
    frame.element = el('iframe', {
      sandbox: 'allow-scripts', class: odc ? 'hmg-odc' : 'hmg-game', src: frameUrl(odc ? 'open-data.html' : 'game.html'),
      ...(odc ? { 'aria-hidden': 'true', tabindex: '-1', title: texts.board } : { title: launch.name || 'Game' }),
    });
    frame.element.addEventListener('load', () => {
      frame.loads++;
      // A second load means the frame navigated itself: it is no longer the runtime, so it gets nothing.
      if (frame.loads > 1) { frames.delete(frame.window); drop(role + ' frame reloaded'); stop('reloaded'); return; }
      frame.window = frame.element.contentWindow;
      frames.set(frame.window, frame);
      frame.window.postMessage({
        type: 'init',
        scriptUrl: new URL(odc ? launch.openDataJsUrl : launch.gameJsUrl, location.href).href,
        assetsBaseUrl: new URL(launch.assetsBaseUrl, location.href).href,
        visible,
        // The game's touches go on to the open data context through the host, when there is one.
        forwardTouches: !odc && !!launch.openDataJsUrl,
        systemInfo: launch.systemInfo || defaultSystemInfo(),
        launch: {
          appId: launch.appId, version: launch.version, envVersion: launch.envVersion || 'release', query: launch.query || {},
          shareTicket: launch.shareTicket || undefined, fromCard: !!launch.fromCard, config,
          ...(odc ? {} : { storage }),
        },
      }, '*');
      // Liveness: a frame that stops answering (its own page stuck) is as stopped as a worker that does.
      frame.timer = setInterval(() => ping(frame), PING_MS);
    });
    stage.appendChild(frame.element);
    return frame;
  }

  function ping(frame) {
    if (!frame.window) return;
    const now = performance.now();
    if (frame.lastPing) {
      // Hidden pages' timers are throttled: only a wait measured while shown counts.
      if (visible && now - frame.lastPing.at > WATCHDOG_MS) stop('unresponsive');
      return;
    }
    frame.lastPing = { id: ++frame.pingId, at: now };
    frame.window.postMessage({ type: 'ping', id: frame.pingId }, '*');
  }

  function toFrame(frame, message) {
    if (!frame || !frame.window) return;
    if (frame.ready) frame.window.postMessage(message, '*');
    else if (frame.queue.length < MAX_ODC_QUEUE) frame.queue.push(message);
    else drop(frame.role + ': queue full');
  }

  function boot() {
    stats.stopped = null;
    root.dataset.state = 'loading';
    boardText.textContent = '';
    gameFrame = makeFrame('game');
    odcFrame = launch.openDataJsUrl ? makeFrame('openData') : null;
  }

  function teardown() {
    for (const frame of [gameFrame, odcFrame]) {
      if (!frame) continue;
      clearInterval(frame.timer);
      frames.delete(frame.window);
      frame.element.remove();
    }
    gameFrame = null;
    odcFrame = null;
  }

  function stop(reason) {
    if (stats.stopped) return;
    stats.stopped = reason;
    root.dataset.state = 'stopped';
    teardown();
    toast.hide();
    stoppedPanel = el('div', { class: 'hmg-stopped', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'hmg-stopped-title', 'aria-describedby': 'hmg-stopped-detail' });
    const box = el('div', { class: 'hmg-stopped-box' });
    const closeButton = el('button', { type: 'button' }, texts.close);
    const restartButton = el('button', { type: 'button', class: 'hmp-primary' }, texts.restart);
    closeButton.addEventListener('click', () => services.close && services.close());
    restartButton.addEventListener('click', restart);
    box.append(el('h2', { id: 'hmg-stopped-title' }, texts.stopped), el('p', { id: 'hmg-stopped-detail' }, texts.stoppedDetail));
    const buttons = el('div', { class: 'hmp-modal-buttons' });
    buttons.append(closeButton, restartButton);
    box.appendChild(buttons);
    stoppedPanel.appendChild(box);
    root.appendChild(stoppedPanel);
    restartButton.focus();
  }

  function restart() {
    if (stoppedPanel) { stoppedPanel.remove(); stoppedPanel = null; }
    teardown();
    boot();
  }

  // ---- visibility: a hidden game gets no frames, and hears onHide -----------------------------------------------------
  function setVisible(value) {
    if (visible === value) return;
    visible = value;
    for (const frame of [gameFrame, odcFrame]) {
      if (frame && frame.window) frame.window.postMessage({ type: value ? 'show' : 'hide' }, '*');
      if (frame) frame.lastPing = null;
    }
  }
  const onVisibility = () => setVisible(document.visibilityState !== 'hidden');
  document.addEventListener('visibilitychange', onVisibility);

  // ---- native UI ----------------------------------------------------------------------------------------------------
  const toast = toasts(layer);

  // ---- API calls ------------------------------------------------------------------------------------------------------
  const fail = (api, reason) => ({ errMsg: api + ':fail ' + reason });
  const service = (name, fn) => {
    if (typeof fn !== 'function') throw { errMsg: name + ':fail not supported' };
    return fn;
  };

  // At most 10 network calls of a game are in flight, as in WeChat; more wait their turn, none is refused.
  const maxInFlight = 10;
  let inFlight = 0;
  const waiting = [];
  async function network(args) {
    if (inFlight >= maxInFlight) await new Promise((resolve) => waiting.push(resolve));
    inFlight++;
    try {
      return await service('request', services.request)(args);
    } finally {
      inFlight--;
      const next = waiting.shift();
      if (next) next();
    }
  }

  const keyList = (api, args) => {
    const keys = args.keyList;
    if (!Array.isArray(keys) || keys.length > MAX_KEYS || !keys.every((k) => typeof k === 'string')) throw fail(api, 'parameter error: keyList should be a list of strings');
    return keys;
  };
  const shareTicket = (api, args) => {
    if (typeof args.shareTicket !== 'string' || args.shareTicket === '' || args.shareTicket.length > 200) throw fail(api, 'parameter error: shareTicket');
    return args.shareTicket;
  };
  // The node answers avatars by the node's own paths; the frames need them whole.
  const absoluteAvatars = (res) => ({
    data: (Array.isArray(res && res.data) ? res.data : []).map((p) => ({ ...p, avatarUrl: p.avatarUrl ? new URL(p.avatarUrl, location.href).href : '' })),
  });

  let shareMenu = true;
  function share(args) {
    const query = typeof args.query === 'string' ? args.query.replace(/^\?/, '') : '';
    const card = { appId: launch.appId, title: typeof args.title === 'string' && args.title ? args.title : launch.name || '', path: query ? '?' + query : '', imageUrl: typeof args.imageUrl === 'string' ? args.imageUrl : '' };
    return Promise.resolve(service('shareAppMessage', services.share)(card)).then(() => ({}));
  }

  const gameApis = {
    login: () => service('login', services.login)(),
    checkSession: () => service('checkSession', services.checkSession)(),
    // game.json's networkTimeout.request is the default, as WeChat's.
    request: (a) => network({ ...a, timeout: a.timeout ?? (config.networkTimeout && config.networkTimeout.request) }),
    setStorage: (a) => { storage[String(a.key)] = a.data; return services.setStorage ? services.setStorage(String(a.key), a.data) : {}; },
    removeStorage: (a) => { delete storage[String(a.key)]; return services.removeStorage ? services.removeStorage(String(a.key)) : {}; },
    clearStorage: () => { storage = Object.create(null); return services.clearStorage ? services.clearStorage() : {}; },
    showToast: (a) => (services.ui && services.ui.toast ? services.ui.toast(a) : toast.show(a, false)),
    hideToast: () => { toast.hide(); return {}; },
    showLoading: (a) => (services.ui && services.ui.loading ? services.ui.loading(a) : toast.show(a, true)),
    hideLoading: () => { toast.hide(); return {}; },
    showModal: (a) => (services.ui && services.ui.modal ? services.ui.modal(a) : showModal(layer, a, texts)),
    setClipboardData: (a) => service('setClipboardData', services.setClipboardData)(a),
    exitMiniProgram: () => { if (services.close) services.close(); return {}; },
    shareAppMessage: share,
    showShareMenu: () => { shareMenu = true; return {}; },
    hideShareMenu: () => { shareMenu = false; return {}; },
    updateShareMenu: () => ({}),
    setUserCloudStorage: (a) => {
      const list = a.KVDataList;
      if (!Array.isArray(list) || list.length > MAX_KEYS || !list.every((i) => isObject(i) && typeof i.key === 'string' && typeof i.value === 'string')) {
        throw fail('setUserCloudStorage', 'parameter error: KVDataList should be a list of {key, value} strings');
      }
      return service('setUserCloudStorage', cloud.set)(list.map((i) => ({ key: i.key, value: i.value })));
    },
    removeUserCloudStorage: (a) => service('removeUserCloudStorage', cloud.remove)(keyList('removeUserCloudStorage', a)),
    getUserCloudStorage: (a) => service('getUserCloudStorage', cloud.get)(keyList('getUserCloudStorage', a)),
    getUserCloudStorageKeys: () => service('getUserCloudStorageKeys', cloud.keys)(),
    getShareInfo: (a) => service('getShareInfo', cloud.shareInfo)(shareTicket('getShareInfo', a)),
  };

  // The open data context reads, and only reads: what it gets goes to its own frame and nowhere else.
  const odcApis = {
    getFriendCloudStorage: async (a) => absoluteAvatars(await service('getFriendCloudStorage', cloud.friends)(keyList('getFriendCloudStorage', a))),
    getGroupCloudStorage: async (a) => absoluteAvatars(await service('getGroupCloudStorage', cloud.group)(shareTicket('getGroupCloudStorage', a), keyList('getGroupCloudStorage', a))),
    getUserCloudStorage: (a) => service('getUserCloudStorage', cloud.get)(keyList('getUserCloudStorage', a)),
  };

  async function call(frame, message) {
    const { api, callId } = message;
    const apis = frame.role === 'game' ? gameApis : odcApis;
    const args = isObject(message.args) ? message.args : {};
    let ok = true;
    let res;
    try {
      if (!Object.prototype.hasOwnProperty.call(apis, api)) throw { errMsg: api + ':fail not supported' + (frame.role === 'game' ? '' : ' in the open data context') };
      res = await apis[api](args);
      if (!isObject(res)) res = {};
    } catch (error) {
      ok = false;
      res = isObject(error) && typeof error.errMsg === 'string' ? { errMsg: error.errMsg } : { errMsg: api + ':fail ' + String(error && error.message ? error.message : error) };
    }
    if (!frames.has(frame.window)) return;
    try {
      frame.window.postMessage({ type: 'callResult', callId, ok, res: ok ? { errMsg: api + ':ok', ...res } : res }, '*');
    } catch {
      // The result could not be cloned (a service returned something exotic): report a plain failure instead.
      frame.window.postMessage({ type: 'callResult', callId, ok: false, res: { errMsg: api + ':fail result not serialisable' } }, '*');
    }
  }

  // ---- the bridge -------------------------------------------------------------------------------------------------------
  function drop(reason) {
    stats.dropped++;
    if (stats.reasons.length < 50) stats.reasons.push(reason);
    console.warn('mini-game host: dropped a message: ' + reason);
  }

  function onMessage(event) {
    const frame = frames.get(event.source);
    if (!frame) return;
    if (event.origin !== 'null') { drop(frame.role + ': message from a non-sandboxed origin'); return; }
    const message = event.data;
    if (!isObject(message) || typeof message.type !== 'string') { drop(frame.role + ': unknown message'); return; }
    switch (message.type) {
      case 'pong':
        if (frame.lastPing && message.id === frame.lastPing.id) frame.lastPing = null;
        return;
      case 'ready':
        if (frame.ready) { drop(frame.role + ': ready twice'); return; }
        frame.ready = true;
        if (frame.role === 'game') root.dataset.state = 'running';
        for (const queued of frame.queue.splice(0)) frame.window.postMessage(queued, '*');
        return;
      case 'error': console.error('mini-game ' + (frame.role === 'game' ? 'code' : 'open data context') + ':', String(message.message).slice(0, 2000)); return;
      case 'stopped': stop(String(message.reason || 'stopped')); return;
      case 'call':
        if (!isName(message.api) || !isId(message.callId)) { drop(frame.role + ': bad call'); return; }
        call(frame, message);
        return;
      case 'odcMessage': {
        if (frame.role !== 'game') { drop('openData: odcMessage'); return; }
        if (!odcFrame) return;
        let json;
        try { json = JSON.stringify(message.data); } catch { json = undefined; }
        if (json === undefined || json.length > MAX_ODC_MESSAGE_CHARS) { drop('game: odcMessage not plain data or over 64 KiB'); return; }
        stats.odcMessages++;
        toFrame(odcFrame, { type: 'message', data: JSON.parse(json) });
        return;
      }
      case 'touch': {
        if (frame.role !== 'game') { drop('openData: touch'); return; }
        const touch = cleanTouch(message);
        if (!touch) { drop('game: bad touch'); return; }
        if (odcFrame) toFrame(odcFrame, touch);
        return;
      }
      case 'accessibleText':
        if (frame.role !== 'openData') { drop('game: accessibleText'); return; }
        boardText.textContent = String(message.text ?? '').slice(0, 4000);
        return;
      default: drop(frame.role + ': unknown message ' + message.type.slice(0, 40));
    }
  }
  addEventListener('message', onMessage);

  boot();

  return {
    stats,
    /** The game's stage in CSS pixels. */
    stage: size,
    /** The game's own card (onShareAppMessage, from the capsule's Share), which reaches services.share; false when it has none to make. */
    share() {
      if (!gameFrame || !gameFrame.ready || !shareMenu) return false;
      gameFrame.window.postMessage({ type: 'share' }, '*');
      return true;
    },
    /** The person left the game without closing it (another page of the client): its frames stop until show(). */
    hide: () => setVisible(false),
    show: () => setVisible(document.visibilityState !== 'hidden'),
    restart,
    unmount() {
      removeEventListener('message', onMessage);
      document.removeEventListener('visibilitychange', onVisibility);
      toast.hide();
      teardown();
      root.remove();
    },
  };
}

/** A touch as the game frame forwards it, rebuilt from its numbers only. */
function cleanTouch(message) {
  if (!touchKinds.has(message.kind) || !isObject(message.event)) return null;
  const point = (t) => (isObject(t) && [t.identifier, t.clientX, t.clientY].every(Number.isFinite)
    ? { identifier: t.identifier, clientX: t.clientX, clientY: t.clientY, pageX: t.clientX, pageY: t.clientY, force: Number.isFinite(t.force) ? t.force : 0 }
    : null);
  const list = (value) => (Array.isArray(value) && value.length <= 10 ? value.map(point) : null);
  const touches = list(message.event.touches);
  const changedTouches = list(message.event.changedTouches);
  if (!touches || !changedTouches || touches.includes(null) || changedTouches.includes(null)) return null;
  return { type: 'touch', kind: message.kind, event: { touches, changedTouches, timeStamp: Number(message.event.timeStamp) || 0 } };
}

/** The game's stage: the container, letterboxed to the game's orientation (a phone's proportions at most 9:16). */
function stageSize(container, orientation) {
  const width = container.clientWidth || 375;
  const height = container.clientHeight || 667;
  if (orientation === 'landscape') return width >= height ? { width, height } : { width, height: Math.round(width * 9 / 16) };
  return height >= width ? { width, height } : { width: Math.min(width, Math.round(height * 9 / 16)), height };
}

function defaultSystemInfo() {
  return {
    brand: 'browser', model: navigator.userAgent, statusBarHeight: 0, language: navigator.language, version: '8.0.0',
    system: navigator.platform, platform: 'web', SDKVersion: '3.0.0', theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  };
}
