// What both of a mini-game's workers share: the game worker (game-worker.js) and the open data context's worker
// (open-data-worker.js) each import this after the module registry (modules.js). It holds WeChat's calling convention, frames (requestAnimationFrame driven by the view frame's ticks, so a hidden game gets none), touches,
// images and the system info. Each worker then builds its own `wx` from these parts: what one context may do and the
// other may not is decided by which parts it takes, and the host checks every call again by the frame it came from.
'use strict';
self.__hutongGame = (() => {
  const post = (message, transfer) => self.postMessage(message, transfer || []);
  const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

  // The bundle's modules and the way errors of the game's code reach the host (modules.js, loaded first).
  const { requireEntry, reportError } = self.__hutongModules;

  // ---- calls to the host ------------------------------------------------------------------------------------------
  let nextCallId = 1;
  const calls = new Map();

  function callApi(api, args) {
    return new Promise((resolvePromise, rejectPromise) => {
      const callId = nextCallId++;
      calls.set(callId, { resolve: resolvePromise, reject: rejectPromise, api });
      let payload;
      try {
        payload = clone(args === undefined ? {} : args);
      } catch {
        payload = {};
      }
      post({ type: 'call', api, args: payload, callId });
    });
  }

  function onCallResult(message) {
    const call = calls.get(message.callId);
    if (!call) return;
    calls.delete(message.callId);
    if (message.ok) call.resolve(message.res || {});
    else call.reject({ ...(message.res || {}), errMsg: (message.res && message.res.errMsg) || call.api + ':fail' });
  }

  const { asyncApi } = self.__hutongWx;

  const hostApi = (name) => asyncApi(name, (args) => callApi(name, args));
  const refused = (name, reason) => asyncApi(name, () => { throw { errMsg: name + ':fail ' + reason }; });

  // ---- frames: the view frame ticks while the game is shown and someone asked for a frame ---------------------------
  let nextFrameId = 1;
  let frameCallbacks = new Map();
  let frameAsked = false;

  function requestAnimationFrame(callback) {
    if (typeof callback !== 'function') throw new TypeError('requestAnimationFrame takes a function');
    const id = nextFrameId++;
    frameCallbacks.set(id, callback);
    if (!frameAsked) { frameAsked = true; post({ type: 'raf' }); }
    return id;
  }

  function cancelAnimationFrame(id) { frameCallbacks.delete(id); }

  function onTick(time) {
    frameAsked = false;
    const due = frameCallbacks;
    frameCallbacks = new Map();
    for (const callback of due.values()) {
      try { callback(time); } catch (error) { reportError('requestAnimationFrame', error); }
    }
  }

  // ---- listeners (onTouchStart, onShow …) ------------------------------------------------------------------------------
  function listeners() {
    const list = new Set();
    return {
      on: (callback) => { if (typeof callback === 'function') list.add(callback); },
      off: (callback) => { if (typeof callback === 'function') list.delete(callback); else list.clear(); },
      emit: (where, value) => {
        for (const callback of [...list]) {
          try { callback(value); } catch (error) { reportError(where, error); }
        }
      },
    };
  }

  const touchKinds = { start: 'onTouchStart', move: 'onTouchMove', end: 'onTouchEnd', cancel: 'onTouchCancel' };
  const touches = Object.fromEntries(Object.keys(touchKinds).map((kind) => [kind, listeners()]));

  function touchApis(wx) {
    for (const [kind, name] of Object.entries(touchKinds)) {
      wx[name] = touches[kind].on;
      wx['off' + name.slice(2)] = touches[kind].off;
    }
  }

  // ---- images: loaded by the view frame from the package's assets, handed over as ImageBitmaps -----------------------
  let nextImageId = 1;
  const pendingImages = new Map(); // load id -> image
  const latestLoads = new WeakMap(); // image -> its newest load id: only the newest src counts
  const bitmaps = new WeakMap(); // image -> ImageBitmap

  /** wx.createImage(): an object with src/onload/onerror/width/height that the canvas contexts draw. */
  function createImage() {
    let src = '';
    let width = 0;
    let height = 0;
    const image = {
      onload: null,
      onerror: null,
      get src() { return src; },
      set src(value) {
        src = String(value ?? '');
        const id = nextImageId++;
        pendingImages.set(id, image);
        latestLoads.set(image, id);
        post({ type: 'image', id, src });
      },
      get width() { return width; },
      set width(value) { width = Number(value) || 0; },
      get height() { return height; },
      set height(value) { height = Number(value) || 0; },
      get complete() { return bitmaps.has(image); },
      get naturalWidth() { const bitmap = bitmaps.get(image); return bitmap ? bitmap.width : 0; },
      get naturalHeight() { const bitmap = bitmaps.get(image); return bitmap ? bitmap.height : 0; },
      addEventListener(type, callback) { if (type === 'load') image.onload = callback; else if (type === 'error') image.onerror = callback; },
      removeEventListener(type) { if (type === 'load') image.onload = null; else if (type === 'error') image.onerror = null; },
    };
    return image;
  }

  function onImage(message) {
    const image = pendingImages.get(message.id);
    pendingImages.delete(message.id);
    if (!image || latestLoads.get(image) !== message.id) { if (message.bitmap) message.bitmap.close(); return; }
    if (message.bitmap) {
      const old = bitmaps.get(image);
      if (old) old.close();
      bitmaps.set(image, message.bitmap);
      image.width = message.bitmap.width;
      image.height = message.bitmap.height;
      if (typeof image.onload === 'function') {
        try { image.onload({ type: 'load' }); } catch (error) { reportError('image.onload', error); }
      }
    } else if (typeof image.onerror === 'function') {
      try { image.onerror({ type: 'error', errMsg: String(message.errMsg || 'image load failed') }); } catch (error) { reportError('image.onerror', error); }
    }
  }

  // The contexts draw an image made by wx.createImage as its bitmap. Anything else goes to the browser unchanged, so
  // what is not an image (the game's placeholder for the shared canvas, say) is refused by the browser itself.
  const unwrap = (source) => (source && bitmaps.has(source) ? bitmaps.get(source) : source);
  function patchDrawing() {
    const wrapFirst = (proto, name) => {
      if (!proto || typeof proto[name] !== 'function') return;
      const original = proto[name];
      proto[name] = function (source, ...rest) { return original.call(this, unwrap(source), ...rest); };
    };
    wrapFirst(self.OffscreenCanvasRenderingContext2D && OffscreenCanvasRenderingContext2D.prototype, 'drawImage');
    wrapFirst(self.OffscreenCanvasRenderingContext2D && OffscreenCanvasRenderingContext2D.prototype, 'createPattern');
    for (const gl of [self.WebGLRenderingContext, self.WebGL2RenderingContext]) {
      if (!gl) continue;
      for (const name of ['texImage2D', 'texSubImage2D']) {
        const original = gl.prototype[name];
        // The image is the last argument in every overload that takes one.
        gl.prototype[name] = function (...args) {
          args[args.length - 1] = unwrap(args[args.length - 1]);
          return original.apply(this, args);
        };
      }
    }
  }

  // ---- system info ---------------------------------------------------------------------------------------------------
  let systemInfo = {};
  const getSystemInfoSync = () => clone(systemInfo);
  const getWindowInfo = () => ({
    windowWidth: systemInfo.windowWidth, windowHeight: systemInfo.windowHeight, screenWidth: systemInfo.screenWidth,
    screenHeight: systemInfo.screenHeight, pixelRatio: systemInfo.pixelRatio, statusBarHeight: 0,
    safeArea: systemInfo.safeArea, screenTop: 0,
  });

  // An API this runtime does not have fails the WeChat way instead of throwing.
  function exposeWx(wx) {
    const notSupported = (name) => asyncApi(name, () => { throw { errMsg: name + ':fail not supported' }; });
    const proxy = new Proxy(wx, {
      get(target, name) {
        if (typeof name !== 'string') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
        if (name === 'then' || name === 'toJSON') return undefined;
        return notSupported(name);
      },
    });
    self.wx = proxy;
    self.hutong = proxy;
    self.GameGlobal = self;
    self.canIUse = (name) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(wx, name.split('.')[0]);
    wx.canIUse = self.canIUse;
  }

  /**
   * Starts the worker: `init` carries the on-screen canvas, the stage and the launch; the bundle is loaded then.
   * `onInit(message)` sets the context's own state; `onMessage(message)` gets what this file does not handle.
   */
  function start({ onInit, onMessage }) {
    let started = false;
    self.onmessage = (event) => {
      const message = event.data;
      if (!message || typeof message !== 'object') return;
      switch (message.type) {
        case 'init':
          if (started) return;
          started = true;
          systemInfo = message.systemInfo || {};
          patchDrawing();
          onInit(message);
          try {
            importScripts(message.scriptUrl);
          } catch (error) {
            reportError('the game\'s code failed to load', error);
          }
          post({ type: 'ready' });
          return;
        case 'ping': post({ type: 'pong', id: message.id }); return;
        case 'tick': onTick(Number(message.time) || 0); return;
        case 'touch': {
          const list = touches[message.kind];
          if (list) list.emit(touchKinds[message.kind], message.event);
          return;
        }
        case 'image': onImage(message); return;
        case 'callResult': onCallResult(message); return;
        default: onMessage(message);
      }
    };
  }

  return {
    post, clone, requireEntry, callApi, asyncApi, hostApi, refused, requestAnimationFrame, cancelAnimationFrame, listeners, touchApis,
    createImage, getSystemInfoSync, getWindowInfo, exposeWx, start, reportError,
  };
})();
