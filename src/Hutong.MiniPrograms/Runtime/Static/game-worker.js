// The game worker: runs a mini-game's code (game.js and what it requires) with WeChat's game API, no DOM and no
// network. It is a blob worker of the opaque game frame and inherits its CSP (connect-src 'none', no eval); it draws
// on the frame's canvas, handed over as an OffscreenCanvas. Everything it does outside itself is a message to the
// view frame (frames, images, sounds) or through it to the host, which checks it. It never hears from the open data
// context: what it posts there goes one way.
'use strict';
(() => {
  const game = self.__hutongGame;
  const { post, clone, callApi, asyncApi, hostApi, refused } = game;

  let launch = {};
  let screenCanvas = null;
  let screenCanvasTaken = false;

  const wx = {};
  const onShow = game.listeners();
  const onHide = game.listeners();
  let shareHandler = null;

  // ---- canvas and frames ---------------------------------------------------------------------------------------------
  // The first canvas is the one on screen; any later one is offscreen, for the game to draw into and copy from.
  wx.createCanvas = () => {
    if (!screenCanvasTaken) { screenCanvasTaken = true; return screenCanvas; }
    return new OffscreenCanvas(300, 150);
  };
  wx.requestAnimationFrame = game.requestAnimationFrame;
  wx.cancelAnimationFrame = game.cancelAnimationFrame;
  self.requestAnimationFrame = game.requestAnimationFrame;
  self.cancelAnimationFrame = game.cancelAnimationFrame;
  wx.createImage = game.createImage;
  game.touchApis(wx);

  // ---- the open data context: the game may post to it, and see nothing of it ----------------------------------------------
  // A stand-in for the shared canvas: it has a size and nothing to draw or read (it is not an image, so no canvas
  // call can take its pixels). The host shows the real one over the game.
  const sharedCanvas = Object.freeze({
    get width() { return launch.stage ? Math.round(launch.stage.width * launch.stage.pixelRatio) : 0; },
    set width(_) { /* the host sizes the shared canvas to the stage */ },
    get height() { return launch.stage ? Math.round(launch.stage.height * launch.stage.pixelRatio) : 0; },
    set height(_) { /* as width */ },
    getContext: () => null,
    toDataURL: () => { throw new DOMException('The shared canvas cannot be read from the game', 'SecurityError'); },
    toTempFilePath: refused('toTempFilePath', 'the shared canvas cannot be read from the game'),
  });
  const openDataContext = Object.freeze({
    canvas: sharedCanvas,
    postMessage: (data) => {
      let message;
      try {
        message = clone(data);
      } catch (error) {
        throw new TypeError('postMessage takes plain data: ' + error.message);
      }
      post({ type: 'odcMessage', data: message });
    },
  });
  wx.getOpenDataContext = () => openDataContext;
  wx.getSharedCanvas = () => sharedCanvas;

  // WeChat games show their board by drawing the shared canvas into their own each frame (drawImage in 2D, a texture
  // in WebGL). Here the host already shows it over the game, so drawing the stand-in draws nothing, where the
  // browser would throw and stop the game's loop: such code runs unchanged.
  const skipStandIn = (proto, name, answer) => {
    const original = proto && proto[name];
    if (typeof original !== 'function') return;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (...args) { return args.includes(sharedCanvas) ? answer : original.apply(this, args); },
    });
  };
  skipStandIn(self.OffscreenCanvasRenderingContext2D && OffscreenCanvasRenderingContext2D.prototype, 'drawImage', undefined);
  skipStandIn(self.OffscreenCanvasRenderingContext2D && OffscreenCanvasRenderingContext2D.prototype, 'createPattern', null);
  for (const gl of [self.WebGLRenderingContext, self.WebGL2RenderingContext]) {
    skipStandIn(gl && gl.prototype, 'texImage2D', undefined);
    skipStandIn(gl && gl.prototype, 'texSubImage2D', undefined);
  }
  const odcOnly = 'not supported in the game\'s context (only its open data context may read friends\' data)';
  wx.getFriendCloudStorage = refused('getFriendCloudStorage', odcOnly);
  wx.getGroupCloudStorage = refused('getGroupCloudStorage', odcOnly);

  // ---- hosted data (the person's own) ---------------------------------------------------------------------------------------
  for (const name of ['setUserCloudStorage', 'removeUserCloudStorage', 'getUserCloudStorage', 'getUserCloudStorageKeys', 'getShareInfo']) {
    wx[name] = hostApi(name);
  }

  // ---- the host's services and UI ------------------------------------------------------------------------------------------
  for (const name of ['login', 'checkSession', 'request', 'showToast', 'hideToast', 'showLoading', 'hideLoading', 'showModal',
    'exitMiniProgram', 'shareAppMessage', 'showShareMenu', 'hideShareMenu', 'updateShareMenu', 'setClipboardData']) {
    wx[name] = hostApi(name);
  }
  // What the capsule's Share makes: the game's own card, as onShareAppMessage returns it.
  wx.onShareAppMessage = (callback) => { shareHandler = typeof callback === 'function' ? callback : null; };
  wx.offShareAppMessage = () => { shareHandler = null; };
  wx.onShow = onShow.on;
  wx.offShow = onShow.off;
  wx.onHide = onHide.on;
  wx.offHide = onHide.off;

  // ---- storage: the snapshot the host sent at launch answers reads; writes go through to the host -----------------------------
  const storage = self.__hutongWx.storageApis(wx, callApi, clone);

  // ---- system and launch -------------------------------------------------------------------------------------------------------
  wx.getSystemInfoSync = game.getSystemInfoSync;
  wx.getSystemInfo = asyncApi('getSystemInfo', () => game.getSystemInfoSync());
  wx.getWindowInfo = game.getWindowInfo;
  wx.getAccountInfoSync = () => ({ miniProgram: { appId: launch.appId, envVersion: launch.envVersion, version: launch.version || '' } });
  // WeChat's scenes: 1044 a card with a share ticket (a group's), 1007 a card in a one-to-one chat, 1001 otherwise.
  const launchOptions = () => ({
    scene: launch.shareTicket ? 1044 : launch.fromCard ? 1007 : 1001,
    query: clone(launch.query || {}),
    ...(launch.shareTicket ? { shareTicket: launch.shareTicket } : {}),
    referrerInfo: {},
  });
  wx.getLaunchOptionsSync = launchOptions;
  wx.getEnterOptionsSync = launchOptions;
  // Subpackages come with the first download: loading one runs its entry (its folder's game.js, or its .js file).
  wx.loadSubpackage = (options = {}) => {
    const listeners = game.listeners();
    const pending = asyncApi('loadSubpackage', (args) => {
      const name = String(args.name ?? '');
      const found = ((launch.config && launch.config.subpackages) || []).find((s) => s.name === name || s.root === name);
      if (!found) throw { errMsg: 'loadSubpackage:fail subpackage not found: ' + name };
      const root = String(found.root).replace(/^\/+/, '');
      const entry = root.endsWith('.js') ? root : root.replace(/\/+$/, '') + '/game.js';
      try {
        game.requireEntry(entry);
      } catch (error) {
        throw { errMsg: 'loadSubpackage:fail ' + String(error && error.message) };
      }
      listeners.emit('onProgressUpdate', { progress: 100, totalBytesWritten: 0, totalBytesExpectedToWrite: 0 });
      return {};
    })(options);
    if (pending) pending.catch(() => {});
    return { onProgressUpdate: listeners.on, offProgressUpdate: listeners.off };
  };
  wx.triggerGC = () => {};
  wx.onError = () => {};

  // ---- InnerAudioContext: an <audio> in the view frame, driven by messages --------------------------------------------------
  let nextAudioId = 1;
  const audios = new Map();
  const audioEvents = ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'TimeUpdate', 'Error', 'Waiting', 'Seeking', 'Seeked'];

  wx.createInnerAudioContext = () => {
    const id = nextAudioId++;
    const props = { src: '', autoplay: false, loop: false, volume: 1, startTime: 0, playbackRate: 1 };
    const state = { paused: true, currentTime: 0, duration: 0, buffered: 0 };
    const events = Object.fromEntries(audioEvents.map((name) => [name, game.listeners()]));
    const send = (op, extra) => post({ type: 'audio', id, op, ...extra });
    const audio = {
      get paused() { return state.paused; },
      get currentTime() { return state.currentTime; },
      get duration() { return state.duration; },
      get buffered() { return state.buffered; },
      obeyMuteSwitch: true,
      play: () => send('play'),
      pause: () => send('pause'),
      stop: () => send('stop'),
      seek: (position) => send('seek', { position: Number(position) || 0 }),
      destroy: () => { send('destroy'); audios.delete(id); },
    };
    for (const name of Object.keys(props)) {
      Object.defineProperty(audio, name, {
        enumerable: true,
        get: () => props[name],
        set: (value) => {
          props[name] = name === 'src' ? String(value ?? '') : typeof props[name] === 'boolean' ? !!value : Number(value) || 0;
          send('set', { props: { [name]: props[name] } });
        },
      });
    }
    for (const name of audioEvents) {
      audio['on' + name] = events[name].on;
      audio['off' + name] = events[name].off;
    }
    audios.set(id, { state, events });
    send('create', { props });
    return audio;
  };

  function onAudio(message) {
    const audio = audios.get(message.id);
    if (!audio) return;
    Object.assign(audio.state, message.state || {});
    const event = audio.events[message.event];
    if (event) event.emit('InnerAudioContext.on' + message.event, message.event === 'Error' ? { errMsg: String(message.errMsg || ''), errCode: 10001 } : undefined);
  }

  game.exposeWx(wx);

  game.start({
    onInit(message) {
      launch = message.launch || {};
      launch.stage = message.stage;
      storage.load(launch.storage);
      screenCanvas = message.canvas;
    },
    onMessage(message) {
      switch (message.type) {
        case 'show': onShow.emit('onShow', launchOptions()); return;
        case 'hide': onHide.emit('onHide'); return;
        case 'audio': onAudio(message); return;
        case 'share': {
          let content = {};
          try {
            content = (shareHandler && shareHandler({ from: 'menu' })) || {};
          } catch (error) {
            game.reportError('onShareAppMessage', error);
          }
          post({ type: 'call', api: 'shareAppMessage', args: clone({ title: content.title, imageUrl: content.imageUrl, query: content.query }), callId: 0 });
          return;
        }
        default:
      }
    },
  });
})();
