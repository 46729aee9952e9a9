// The logic worker: runs the package's JavaScript (App, Page, Component, the wx API) with no DOM and no network.
// It is a blob worker of the opaque logic frame and inherits its CSP (connect-src 'none', no eval). Everything it
// does outside itself is a message to the host, which checks it.
'use strict';
(() => {
  const MAX_SET_DATA_BYTES = 1024 * 1024;
  const post = (message) => self.postMessage(message);

  // The bundle's modules (modules.js, loaded first); the file running now names the page or component it registers.
  const registry = self.__hutongModules;
  // WeChat's calling convention and storage (wx-base.js, loaded next).
  const { asyncApi, storageApis } = self.__hutongWx;

  // ---- data ----------------------------------------------------------------------------------------------------------
  const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

  function parsePath(path) {
    const keys = [];
    let current = '';
    for (let i = 0; i < path.length;) {
      const c = path[i];
      if (c === '.') { if (current === '') return null; keys.push(current); current = ''; i++; }
      else if (c === '[') {
        if (current !== '') { keys.push(current); current = ''; }
        const close = path.indexOf(']', i);
        if (close < 0) return null;
        const index = Number(path.slice(i + 1, close));
        if (!Number.isInteger(index) || index < 0) return null;
        keys.push(index);
        i = close + 1;
        if (path[i] === '.') i++;
      } else if (c === '\\' && i + 1 < path.length) { current += path[i + 1]; i += 2; }
      else { current += c; i++; }
    }
    if (current !== '') keys.push(current);
    return keys.length === 0 || keys.some((k) => forbiddenKeys.has(k)) ? null : keys;
  }

  function applyData(target, changes) {
    const applied = [];
    for (const path of Object.keys(changes)) {
      const keys = parsePath(path);
      if (!keys) { console.error('setData: "' + path + '" is not a valid data path'); continue; }
      let node = target;
      for (let i = 0; i < keys.length - 1; i++) {
        const key = keys[i];
        if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
        node = node[key];
      }
      node[keys[keys.length - 1]] = changes[path];
      applied.push(keys);
    }
    return applied;
  }

  const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  const encoder = new TextEncoder();

  /** Serialises a setData payload; null (and an error in the console) when it cannot be sent. */
  function serialise(data, where) {
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      console.error(where + ': setData takes an object');
      return null;
    }
    let json;
    try {
      json = JSON.stringify(data);
    } catch (error) {
      console.error(where + ': setData data cannot be serialised: ' + error.message);
      return null;
    }
    // Cheap check first: UTF-8 is at most 3 bytes per UTF-16 unit.
    if (json.length * 3 > MAX_SET_DATA_BYTES && encoder.encode(json).length > MAX_SET_DATA_BYTES) {
      console.error(where + ': setData data exceeds 1 MiB (' + encoder.encode(json).length + ' bytes); it was not applied');
      return null;
    }
    return JSON.parse(json);
  }

  let nextCallbackId = 1;
  const renderCallbacks = new Map();

  function setDataOf(instance, data, callback, target) {
    const payload = serialise(data, instance.is || instance.route);
    if (payload === null) return;
    const applied = applyData(instance.data, payload);
    let cbId = 0;
    if (typeof callback === 'function') {
      cbId = nextCallbackId++;
      renderCallbacks.set(cbId, { callback, instance });
    }
    post({ type: 'setData', pageId: target.pageId, compId: target.compId || 0, data: payload, cbId });
    if (target.compId) runObservers(instance, applied);
  }

  // ---- App ------------------------------------------------------------------------------------------------------------
  let appDefinition = null;
  let appInstance = null;
  self.App = (definition) => {
    appDefinition = definition || {};
    appInstance = appDefinition;
    if (appInstance.globalData === undefined) appInstance.globalData = {};
  };
  self.getApp = () => appInstance;

  // ---- Page -----------------------------------------------------------------------------------------------------------
  const pageDefinitions = new Map();
  const pages = new Map(); // pageId -> page instance
  let stack = [];

  const routeOf = (path) => (path && path.endsWith('.js') ? path.slice(0, -3) : path);

  self.Page = (definition) => {
    pageDefinitions.set(routeOf(registry.currentPath), { kind: 'page', definition: definition || {} });
  };
  self.getCurrentPages = () => stack.map((id) => pages.get(id)).filter(Boolean);

  function createPage(pageId, route, query) {
    const entry = pageDefinitions.get(route);
    if (!entry) { console.error('page "' + route + '" has not been registered with Page() or Component()'); return null; }
    if (entry.kind === 'component') return createComponentPage(pageId, route, query, entry.definition);
    const definition = entry.definition;
    const page = {};
    for (const key of Object.keys(definition)) {
      if (key === 'data') continue;
      const value = definition[key];
      page[key] = typeof value === 'function' ? value : clone(value);
    }
    page.data = clone(definition.data) || {};
    page.route = route;
    page.__route__ = route;
    page.options = query;
    page.__pageId = pageId;
    page.setData = function (data, callback) { setDataOf(page, data, callback, { pageId }); };
    page.createSelectorQuery = () => selectorQuery(pageId, 0);
    page.selectComponent = () => null;
    pages.set(pageId, page);
    return page;
  }

  // A page written with Component(): its methods hold the page handlers.
  function createComponentPage(pageId, route, query, definition) {
    const instance = instantiateComponent(definition, pageId, 0, route, {});
    instance.route = route;
    instance.options = query;
    instance.__pageId = pageId;
    instance.setData = function (data, callback) { setDataOf(instance, data, callback, { pageId }); };
    for (const name of ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload', 'onPullDownRefresh', 'onReachBottom', 'onShareAppMessage', 'onPageScroll']) {
      if (typeof instance[name] !== 'function' && definition[name]) instance[name] = definition[name];
    }
    pages.set(pageId, instance);
    callLifetime(instance, definition, 'created');
    callLifetime(instance, definition, 'attached');
    return instance;
  }

  function callHook(target, name, ...args) {
    if (!target || typeof target[name] !== 'function') return undefined;
    try {
      return target[name](...args);
    } catch (error) {
      console.error((target.route || target.is || 'app') + '.' + name + ':', error);
      return undefined;
    }
  }

  // ---- Component and Behavior ---------------------------------------------------------------------------------------------
  const componentDefinitions = new Map();
  const components = new Map(); // `${pageId}:${compId}` -> instance

  self.Behavior = (definition) => definition || {};
  self.Component = (definition) => {
    const route = routeOf(registry.currentPath);
    const merged = mergeBehaviors(definition || {});
    componentDefinitions.set(route, merged);
    // A Component() in a page's file defines that page.
    if (!pageDefinitions.has(route)) pageDefinitions.set(route, { kind: 'component', definition: merged });
  };

  function mergeBehaviors(definition) {
    const behaviors = Array.isArray(definition.behaviors) ? definition.behaviors : [];
    if (behaviors.length === 0) return definition;
    const merged = { ...definition, data: {}, properties: {}, methods: {}, lifetimes: {} };
    const hooks = {};
    for (const source of [...behaviors.map(mergeBehaviors), definition]) {
      Object.assign(merged.data, source.data || {});
      Object.assign(merged.properties, source.properties || {});
      Object.assign(merged.methods, source.methods || {});
      for (const name of ['created', 'attached', 'ready', 'detached']) {
        const hook = (source.lifetimes && source.lifetimes[name]) || source[name];
        if (typeof hook === 'function') (hooks[name] ||= []).push(hook);
      }
    }
    for (const name of Object.keys(hooks)) merged.lifetimes[name] = function (...args) { for (const hook of hooks[name]) hook.apply(this, args); };
    return merged;
  }

  const typeDefaults = new Map([[String, ''], [Number, 0], [Boolean, false], [Object, null], [Array, []]]);

  function propertyInfo(spec) {
    if (spec === null || typeof spec === 'function') return { type: spec, value: typeDefaults.has(spec) ? clone(typeDefaults.get(spec)) : null };
    const type = spec.type === undefined ? null : spec.type;
    const value = 'value' in spec ? clone(spec.value) : typeDefaults.has(type) ? clone(typeDefaults.get(type)) : null;
    return { type, value, observer: spec.observer };
  }

  function coerce(type, value) {
    if (type === String) return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (type === Number) { const n = Number(value); return Number.isNaN(n) ? 0 : n; }
    if (type === Boolean) return value !== false && value !== 'false' && value !== null && value !== undefined && value !== 0 && value !== '';
    return value;
  }

  function instantiateComponent(definition, pageId, compId, path, props) {
    const instance = { is: path, id: '', __pageId: pageId, __compId: compId, __definition: definition };
    const data = clone(definition.data) || {};
    const properties = definition.properties || {};
    const infos = {};
    for (const name of Object.keys(properties)) {
      infos[name] = propertyInfo(properties[name]);
      data[name] = infos[name].value;
    }
    for (const name of Object.keys(props || {})) {
      const key = name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      if (infos[key]) data[key] = coerce(infos[key].type, props[name]);
    }
    instance.data = data;
    instance.properties = data;
    instance.__properties = infos;
    const methods = definition.methods || {};
    for (const name of Object.keys(methods)) if (typeof methods[name] === 'function') instance[name] = methods[name];
    instance.setData = function (changes, callback) { setDataOf(instance, changes, callback, { pageId, compId }); };
    instance.triggerEvent = function (name, detail, options) {
      post({ type: 'triggerEvent', pageId, compId, name: String(name), detail: detail === undefined ? {} : clone(detail), options: options ? clone(options) : {} });
    };
    instance.createSelectorQuery = () => selectorQuery(pageId, compId);
    instance.selectComponent = () => null;
    instance.getPageId = () => 'page-' + pageId;
    return instance;
  }

  function callLifetime(instance, definition, name) {
    const hook = (definition.lifetimes && definition.lifetimes[name]) || definition[name];
    if (typeof hook !== 'function') return;
    try {
      hook.call(instance);
    } catch (error) {
      console.error(instance.is + ' ' + name + ':', error);
    }
  }

  function createComponent(pageId, compId, path, props) {
    const definition = componentDefinitions.get(path);
    if (!definition) { console.error('component "' + path + '" has not been registered with Component()'); return; }
    const instance = instantiateComponent(definition, pageId, compId, path, props);
    components.set(pageId + ':' + compId, instance);
    callLifetime(instance, definition, 'created');
    callLifetime(instance, definition, 'attached');
    // The view rendered with the properties it knows; it gets defaults and data now.
    const cbId = nextCallbackId++;
    renderCallbacks.set(cbId, { callback: () => callLifetime(instance, definition, 'ready'), instance });
    post({ type: 'setData', pageId, compId, data: clone(instance.data), cbId });
  }

  function updateProperties(instance, props) {
    const changed = [];
    for (const name of Object.keys(props)) {
      const key = name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      const info = instance.__properties[key];
      if (!info) continue;
      const old = instance.data[key];
      const value = coerce(info.type, props[name]);
      instance.data[key] = value;
      changed.push([key]);
      const observer = typeof info.observer === 'function' ? info.observer : typeof info.observer === 'string' ? instance[info.observer] : null;
      if (observer) {
        try { observer.call(instance, value, old); } catch (error) { console.error(instance.is + ' observer of ' + key + ':', error); }
      }
    }
    runObservers(instance, changed);
  }

  let observing = false;
  /** Runs the definition's observers whose fields overlap a changed path ('a.b', 'list[0]', '**'). */
  function runObservers(instance, changedPaths) {
    const observers = instance.__definition && instance.__definition.observers;
    if (!observers || changedPaths.length === 0 || observing) return;
    observing = true;
    try {
      for (const fields of Object.keys(observers)) {
        const list = fields.split(',').map((f) => f.trim());
        const hit = list.some((field) => {
          if (field === '**') return true;
          const keys = parsePath(field.replace(/\.\*\*$/, '')) || [];
          return changedPaths.some((changed) => {
            const n = Math.min(keys.length, changed.length);
            for (let i = 0; i < n; i++) if (String(keys[i]) !== String(changed[i])) return false;
            return true;
          });
        });
        if (!hit) continue;
        const values = list.map((field) => (field === '**' ? instance.data : valueAt(instance.data, field.replace(/\.\*\*$/, ''))));
        try { observers[fields].apply(instance, values); } catch (error) { console.error(instance.is + ' observer "' + fields + '":', error); }
      }
    } finally {
      observing = false;
    }
  }

  function valueAt(data, path) {
    let node = data;
    for (const key of parsePath(path) || []) { if (node === null || node === undefined) return undefined; node = node[key]; }
    return node;
  }

  // ---- selector queries -----------------------------------------------------------------------------------------------
  function selectorQuery(pageId, compId) {
    const ops = [];
    const callbacks = [];
    const builder = {
      in(component) { if (component && component.__compId) { compId = component.__compId; pageId = component.__pageId; } return builder; },
      select: (selector) => nodesRef(selector, false),
      selectAll: (selector) => nodesRef(selector, true),
      selectViewport: () => nodesRef('viewport', false),
      exec(callback) {
        const targetPage = pageId || stack[stack.length - 1];
        return callApi('__query', { pageId: targetPage, compId, ops }).then((res) => {
          const results = res.result || [];
          results.forEach((result, i) => { if (callbacks[i]) callbacks[i](result); });
          if (typeof callback === 'function') callback(results);
          return results;
        }, (error) => { console.error('createSelectorQuery:', error.errMsg); });
      },
    };
    function nodesRef(selector, all) {
      const add = (fields, callback) => { ops.push({ selector: String(selector), all, fields }); callbacks.push(typeof callback === 'function' ? callback : null); return builder; };
      return {
        boundingClientRect: (callback) => add({ id: true, dataset: true, rect: true, size: true }, callback),
        scrollOffset: (callback) => add({ id: true, dataset: true, scrollOffset: true }, callback),
        fields: (fields, callback) => add({ id: !!fields.id, dataset: !!fields.dataset, rect: !!fields.rect, size: !!fields.size, scrollOffset: !!fields.scrollOffset }, callback),
      };
    }
    return builder;
  }

  // ---- animation ------------------------------------------------------------------------------------------------------
  function createAnimation(defaults = {}) {
    const base = { duration: defaults.duration ?? 400, timingFunction: defaults.timingFunction || 'linear', delay: defaults.delay || 0, transformOrigin: defaults.transformOrigin || '50% 50% 0' };
    let current = [];
    let actions = [];
    const animation = {
      step(options = {}) {
        actions.push({ animates: current, option: { transformOrigin: options.transformOrigin || base.transformOrigin, transition: { duration: options.duration ?? base.duration, timingFunction: options.timingFunction || base.timingFunction, delay: options.delay ?? base.delay } } });
        current = [];
        return animation;
      },
      export() { const result = { actions }; actions = []; return result; },
    };
    const transforms = ['rotate', 'rotateX', 'rotateY', 'rotateZ', 'rotate3d', 'scale', 'scaleX', 'scaleY', 'scaleZ', 'scale3d', 'skew', 'skewX', 'skewY', 'translate', 'translateX', 'translateY', 'translateZ', 'translate3d', 'matrix', 'matrix3d'];
    for (const name of [...transforms, 'opacity', 'backgroundColor', 'width', 'height', 'top', 'left', 'right', 'bottom']) {
      animation[name] = (...args) => { current.push({ type: name, args }); return animation; };
    }
    return animation;
  }

  // ---- the wx API ---------------------------------------------------------------------------------------------------------
  let nextCallId = 1;
  const calls = new Map();
  let launch = {};

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

  const hostApis = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack', 'setNavigationBarTitle', 'setNavigationBarColor',
    'showNavigationBarLoading', 'hideNavigationBarLoading', 'startPullDownRefresh', 'stopPullDownRefresh', 'pageScrollTo',
    'showToast', 'hideToast', 'showModal', 'showLoading', 'hideLoading', 'showActionSheet', 'login', 'checkSession', 'request',
    'setClipboardData', 'previewImage', 'getLocation', 'scanCode', 'requestSubscribeMessage', 'getUserProfile', 'showShareMenu',
    'hideShareMenu', 'exitMiniProgram', 'uploadFile', 'downloadFile', 'requestPayment'];

  const wx = {};
  for (const name of hostApis) wx[name] = asyncApi(name, (args) => callApi(name, args));

  // Storage: the snapshot the host sent at launch answers reads; writes go through to the host.
  const storage = storageApis(wx, callApi, clone);

  wx.getSystemInfoSync = () => clone(launch.systemInfo || {});
  wx.getSystemInfo = asyncApi('getSystemInfo', () => wx.getSystemInfoSync());
  wx.getWindowInfo = () => { const info = launch.systemInfo || {}; return { windowWidth: info.windowWidth, windowHeight: info.windowHeight, screenWidth: info.screenWidth, screenHeight: info.screenHeight, pixelRatio: info.pixelRatio, statusBarHeight: info.statusBarHeight || 0 }; };
  wx.getAccountInfoSync = () => ({ miniProgram: { appId: launch.appId, envVersion: launch.envVersion, version: launch.version || '' } });
  wx.getLaunchOptionsSync = () => ({ path: launch.path, query: clone(launch.query || {}), scene: 1001, referrerInfo: {} });
  wx.getEnterOptionsSync = wx.getLaunchOptionsSync;
  wx.createSelectorQuery = () => selectorQuery(0, 0);
  wx.createAnimation = createAnimation;
  wx.nextTick = (callback) => Promise.resolve().then(callback);
  wx.canIUse = (name) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(wx, name.split('.')[0]);

  // An API this runtime does not have fails the WeChat way instead of throwing.
  const notSupported = (name) => asyncApi(name, () => { throw { errMsg: name + ':fail not supported' }; });
  const wxProxy = new Proxy(wx, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
      if (name === 'then' || name === 'toJSON') return undefined;
      return notSupported(name);
    },
  });
  self.wx = wxProxy;
  self.hutong = wxProxy;

  // ---- messages from the host ---------------------------------------------------------------------------------------------
  let started = false;

  self.onmessage = (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'init') {
      if (started) return;
      started = true;
      launch = message.launch || {};
      storage.load(launch.storage);
      try {
        importScripts(message.logicJsUrl);
        post({ type: 'ready' });
      } catch (error) {
        console.error('the logic bundle failed to load:', error);
        post({ type: 'error', message: 'the logic bundle failed to load: ' + String(error && error.message) });
      }
      return;
    }
    handle(message);
  };

  function handle(message) {
    const page = message.pageId ? pages.get(message.pageId) : null;
    switch (message.type) {
      case 'appLaunch': {
        const options = { path: launch.path, query: clone(launch.query || {}), scene: 1001, referrerInfo: {} };
        callHook(appInstance, 'onLaunch', options);
        callHook(appInstance, 'onShow', options);
        break;
      }
      case 'appShow': callHook(appInstance, 'onShow', {}); break;
      case 'appHide': callHook(appInstance, 'onHide'); break;
      case 'stack': stack = Array.isArray(message.pageIds) ? message.pageIds.slice() : []; break;
      case 'pageLoad': {
        const created = createPage(message.pageId, String(message.route), message.query || {});
        if (!created) break;
        callHook(created, 'onLoad', clone(message.query || {}));
        post({ type: 'pageInit', pageId: message.pageId, data: clone(created.data) });
        break;
      }
      case 'pageShow': callHook(page, 'onShow'); break;
      case 'pageReady': callHook(page, 'onReady'); break;
      case 'pageHide': callHook(page, 'onHide'); break;
      case 'pageUnload':
        callHook(page, 'onUnload');
        if (page && page.__definition) callLifetime(page, page.__definition, 'detached');
        pages.delete(message.pageId);
        for (const key of [...components.keys()]) if (key.startsWith(message.pageId + ':')) components.delete(key);
        break;
      case 'pullDownRefresh': callHook(page, 'onPullDownRefresh'); break;
      case 'reachBottom': callHook(page, 'onReachBottom'); break;
      case 'share': {
        const content = callHook(page, 'onShareAppMessage', { from: message.from || 'menu' }) || {};
        post({ type: 'shareContent', pageId: message.pageId, content: clone({ title: content.title, path: content.path, imageUrl: content.imageUrl }) });
        break;
      }
      case 'event': {
        const owner = message.ownerId ? components.get(message.pageId + ':' + message.ownerId) : page;
        const handler = String(message.handler);
        if (!owner) break;
        if (typeof owner[handler] !== 'function') {
          console.warn('Component "' + (owner.is || owner.route) + '" does not have a method "' + handler + '" to handle event "' + (message.event && message.event.type) + '".');
          break;
        }
        try {
          owner[handler](message.event);
        } catch (error) {
          console.error((owner.is || owner.route) + '.' + handler + ':', error);
        }
        break;
      }
      case 'compCreate': createComponent(message.pageId, message.compId, String(message.path), message.props || {}); break;
      case 'compProps': {
        const instance = components.get(message.pageId + ':' + message.compId);
        if (instance) updateProperties(instance, message.props || {});
        break;
      }
      case 'compDetach': {
        const key = message.pageId + ':' + message.compId;
        const instance = components.get(key);
        if (instance) { callLifetime(instance, instance.__definition, 'detached'); components.delete(key); }
        break;
      }
      case 'rendered':
        for (const cbId of message.cbIds || []) {
          const entry = renderCallbacks.get(cbId);
          renderCallbacks.delete(cbId);
          if (entry) { try { entry.callback.call(entry.instance); } catch (error) { console.error('setData callback:', error); } }
        }
        break;
      case 'callResult': {
        const call = calls.get(message.callId);
        if (!call) break;
        calls.delete(message.callId);
        if (message.ok) call.resolve(message.res || {});
        else call.reject({ ...(message.res || {}), errMsg: (message.res && message.res.errMsg) || call.api + ':fail' });
        break;
      }
      default:
    }
  }
})();
