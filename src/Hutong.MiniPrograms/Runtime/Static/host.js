// The mini-program host: an ES module the web client imports when a person opens a mini-program. It owns the page
// stack, the navigation and tab bars and native UI, and routes the bridge between the logic frame (package code in
// a worker) and one view frame per page. Every message is checked: it counts only when it comes from the exact
// frame window made for it, has a known type and well-formed fields, and (for API calls) names an allowed API.

const MAX_PAGES = 10;
const runtimeVersion = new URL(import.meta.url).searchParams.get('v');
// The native UI shared with the game host, at this runtime's version (a static import could not name it).
const { toasts, showModal, el, englishTexts } = await import(new URL('native-ui.js' + (runtimeVersion ? '?v=' + runtimeVersion : ''), import.meta.url).href);

const viewMessageTypes = new Set(['event', 'rendered', 'firstRender', 'compCreate', 'compProps', 'compDetach', 'queryResult',
  'navigate', 'reachBottom', 'pullDownRefresh', 'openType']);
const logicMessageTypes = new Set(['ready', 'error', 'setData', 'pageInit', 'triggerEvent', 'call', 'shareContent']);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isId = (v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31;
const isName = (v) => typeof v === 'string' && v.length > 0 && v.length <= 200;

/**
 * Opens a mini-program in container.
 * @param {HTMLElement} container
 * @param {object} launch { appId, name, version, envVersion, config, viewJsonUrl, logicJsUrl, wxsJsUrl, assetsBaseUrl,
 *   runtimeBaseUrl, path, query, storage, systemInfo, texts (the host's words in the person's language; see native-ui.js) }
 * @param {object} services the embedder's callbacks for server-backed and native work (all optional)
 * @returns {{ unmount(): void, stats: { dropped: number, reasons: string[] } }}
 */
export function mount(container, launch, services = {}) {
  const config = typeof launch.config === 'string' ? JSON.parse(launch.config) : launch.config;
  const runtimeBase = new URL(launch.runtimeBaseUrl || new URL('./', import.meta.url).href, location.href).href;
  const frameUrl = (file) => runtimeBase + file + (runtimeVersion ? '?v=' + encodeURIComponent(runtimeVersion) : '');
  const tabRoutes = new Set(((config.tabBar && config.tabBar.list) || []).map((t) => t.pagePath));
  const pageRoutes = new Set(config.pages || []);
  const componentPaths = new Set(config.components || []);
  const stats = { dropped: 0, reasons: [] };
  const texts = { ...englishTexts, ...(launch.texts || {}) };

  // ---- DOM -------------------------------------------------------------------------------------------------------
  const root = el('div', { class: 'hmp' });
  const style = el('link', { rel: 'stylesheet', href: frameUrl('host.css') });
  const nav = el('header', { class: 'hmp-nav' });
  const back = el('button', { type: 'button', class: 'hmp-back', 'aria-label': texts.back, hidden: '' }, '‹');
  const title = el('h1', { class: 'hmp-title' });
  const navLoading = el('span', { class: 'hmp-nav-loading', role: 'progressbar', 'aria-label': texts.loading, hidden: '' });
  const close = el('button', { type: 'button', class: 'hmp-close', 'aria-label': texts.close }, '×');
  nav.append(back, title, navLoading, close);
  const refreshBar = el('div', { class: 'hmp-refresh', role: 'status', hidden: '' }, texts.refreshing);
  const stage = el('div', { class: 'hmp-pages' });
  const tabs = el('nav', { class: 'hmp-tabs', role: 'tablist', 'aria-label': launch.name || 'Tabs' });
  const layer = el('div', { class: 'hmp-layer' });
  root.append(style, nav, refreshBar, stage, tabs, layer);
  container.appendChild(root);
  back.addEventListener('click', () => navigateBack({ delta: 1 }).catch(() => {}));
  close.addEventListener('click', () => services.close && services.close());

  // ---- frames ----------------------------------------------------------------------------------------------------
  let viewBundle = null;
  const viewBundleReady = fetch(launch.viewJsonUrl, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error('view bundle: HTTP ' + r.status);
    return r.json();
  }).then((json) => { viewBundle = json; });

  const logicFrame = el('iframe', { sandbox: 'allow-scripts', class: 'hmp-logic', title: 'logic', 'aria-hidden': 'true', tabindex: '-1', src: frameUrl('logic.html') });
  let logicWindow = null;
  let logicLoads = 0;
  logicFrame.addEventListener('load', () => {
    logicLoads++;
    // A second load means the frame navigated itself: it is no longer the runtime, so it gets nothing.
    if (logicLoads > 1) { logicWindow = null; drop('logic frame reloaded'); return; }
    logicWindow = logicFrame.contentWindow;
    logicWindow.postMessage({
      type: 'init',
      logicJsUrl: new URL(launch.logicJsUrl, location.href).href,
      launch: {
        appId: launch.appId, version: launch.version, envVersion: launch.envVersion || 'release', path: launch.path,
        query: launch.query || {}, storage: launch.storage || {}, systemInfo: launch.systemInfo || defaultSystemInfo(),
      },
    }, '*');
  });
  root.appendChild(logicFrame);

  let nextPageId = 1;
  const pages = new Map(); // id -> page
  const pagesByWindow = new Map();
  let stack = [];
  const tabPages = new Map(); // route -> page kept alive by switchTab

  function createPage(route, query) {
    const page = { id: nextPageId++, route, query, frame: null, window: null, loads: 0, inited: false, data: null, queue: [], dead: false, firstRendered: false };
    const pageConfig = (config.pageConfigs && config.pageConfigs[route]) || {};
    page.config = pageConfig;
    page.frame = el('iframe', { sandbox: 'allow-scripts', class: 'hmp-view', title: pageConfig.navigationBarTitleText || route, src: frameUrl('view.html') });
    page.frame.addEventListener('load', () => {
      page.loads++;
      if (page.loads > 1) { page.dead = true; pagesByWindow.delete(page.window); drop('view frame reloaded'); return; }
      page.window = page.frame.contentWindow;
      pagesByWindow.set(page.window, page);
      initView(page);
    });
    pages.set(page.id, page);
    stage.appendChild(page.frame);
    toLogic({ type: 'pageLoad', pageId: page.id, route, query });
    return page;
  }

  function initView(page) {
    if (page.inited || !page.window || page.data === null || !viewBundle) return;
    page.inited = true;
    page.window.postMessage({
      type: 'init', route: page.route, view: viewBundle, data: page.data, pageConfig: page.config,
      assetsBaseUrl: new URL(launch.assetsBaseUrl, location.href).href,
      wxsJsUrl: launch.wxsJsUrl ? new URL(launch.wxsJsUrl, location.href).href : null,
    }, '*');
    for (const message of page.queue.splice(0)) page.window.postMessage(message, '*');
  }

  function toView(page, message) {
    if (page.dead) return;
    if (page.inited) page.window.postMessage(message, '*'); else page.queue.push(message);
  }

  const logicQueue = [];
  let logicReady = false;
  function toLogic(message) {
    if (logicReady && logicWindow) logicWindow.postMessage(message, '*'); else logicQueue.push(message);
  }

  function destroyPage(page) {
    toLogic({ type: 'pageUnload', pageId: page.id });
    page.dead = true;
    pages.delete(page.id);
    pagesByWindow.delete(page.window);
    page.frame.remove();
  }

  // ---- the stack ----------------------------------------------------------------------------------------------------
  const top = () => stack[stack.length - 1];

  function show(page) {
    for (const p of pages.values()) p.frame.hidden = p !== page;
    const pageConfig = page.config;
    title.textContent = pageConfig.navigationBarTitleText || launch.name || '';
    nav.style.background = pageConfig.navigationBarBackgroundColor || '';
    nav.dataset.text = pageConfig.navigationBarTextStyle === 'white' ? 'white' : 'black';
    nav.hidden = pageConfig.navigationStyle === 'custom';
    back.hidden = stack.length <= 1;
    refreshBar.hidden = true;
    renderTabs(page);
    toLogic({ type: 'stack', pageIds: stack.map((p) => p.id) });
  }

  function renderTabs(page) {
    const tabBar = config.tabBar;
    tabs.hidden = !tabBar || !tabRoutes.has(page.route) || stack.length > 1;
    if (!tabBar) return;
    tabs.style.background = tabBar.backgroundColor || '';
    tabs.replaceChildren(...tabBar.list.map((tab) => {
      const selected = tab.pagePath === page.route;
      const button = el('button', { type: 'button', role: 'tab', class: 'hmp-tab', 'aria-selected': String(selected) });
      button.style.color = selected ? tabBar.selectedColor || '#07c160' : tabBar.color || '#666';
      const icon = selected ? tab.selectedIconPath || tab.iconPath : tab.iconPath;
      if (icon) button.appendChild(el('img', { src: new URL(icon.replace(/^\//, ''), new URL(launch.assetsBaseUrl, location.href)).href, alt: '' }));
      button.appendChild(el('span', {}, tab.text || ''));
      button.addEventListener('click', () => switchTab({ url: '/' + tab.pagePath }).catch(() => {}));
      return button;
    }));
  }

  function parseUrl(url, api) {
    if (typeof url !== 'string' || url === '') throw fail(api, 'parameter error: url is required');
    const [path, search = ''] = url.split('?');
    const from = top() ? top().route.split('/').slice(0, -1) : [];
    const parts = path.startsWith('/') ? [] : from;
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop(); else parts.push(part);
    }
    const route = parts.join('/').replace(/\.(js|wxml)$/, '');
    if (!pageRoutes.has(route)) throw fail(api, 'page "' + route + '" is not found');
    const query = {};
    for (const [key, value] of new URLSearchParams(search)) query[key] = value;
    return { route, query };
  }

  function fail(api, reason) { return { errMsg: api + ':fail ' + reason }; }

  function openFirst(route, query) {
    const page = createPage(route, query);
    if (tabRoutes.has(route)) tabPages.set(route, page);
    stack = [page];
    toLogic({ type: 'pageShow', pageId: page.id });
    show(page);
  }

  async function navigateTo(args) {
    const { route, query } = parseUrl(args.url, 'navigateTo');
    if (tabRoutes.has(route)) throw fail('navigateTo', 'can not navigateTo a tabbar page');
    if (stack.length >= MAX_PAGES) throw fail('navigateTo', 'webview count limit exceed');
    const previous = top();
    if (previous) toLogic({ type: 'pageHide', pageId: previous.id });
    const page = createPage(route, query);
    stack.push(page);
    toLogic({ type: 'pageShow', pageId: page.id });
    show(page);
    return {};
  }

  async function redirectTo(args) {
    const { route, query } = parseUrl(args.url, 'redirectTo');
    if (tabRoutes.has(route)) throw fail('redirectTo', 'can not redirectTo a tabbar page');
    const previous = stack.pop();
    if (previous) unloadOrKeep(previous);
    const page = createPage(route, query);
    stack.push(page);
    toLogic({ type: 'pageShow', pageId: page.id });
    show(page);
    return {};
  }

  function unloadOrKeep(page) {
    if (tabPages.get(page.route) === page) toLogic({ type: 'pageHide', pageId: page.id });
    else destroyPage(page);
  }

  async function navigateBack(args) {
    if (stack.length <= 1) throw fail('navigateBack', 'cannot navigate back at first page.');
    const delta = Math.max(1, Math.min(Number(args.delta) || 1, stack.length - 1));
    for (let i = 0; i < delta; i++) destroyPage(stack.pop());
    toLogic({ type: 'pageShow', pageId: top().id });
    show(top());
    return {};
  }

  async function switchTab(args) {
    const { route } = parseUrl(args.url, 'switchTab');
    if (!tabRoutes.has(route)) throw fail('switchTab', 'can not switch to no-tabBar page');
    const current = top();
    if (current && current.route === route && stack.length === 1) return {};
    for (const page of stack.slice().reverse()) unloadOrKeep(page);
    let page = tabPages.get(route);
    if (!page) { page = createPage(route, {}); tabPages.set(route, page); }
    stack = [page];
    toLogic({ type: 'pageShow', pageId: page.id });
    show(page);
    return {};
  }

  async function reLaunch(args) {
    const { route, query } = parseUrl(args.url, 'reLaunch');
    for (const page of stack.slice().reverse()) destroyPage(page);
    for (const page of tabPages.values()) if (pages.has(page.id)) destroyPage(page);
    tabPages.clear();
    stack = [];
    openFirst(route, query);
    return {};
  }

  // ---- native UI ----------------------------------------------------------------------------------------------------
  const toast = toasts(layer);

  function showActionSheet(args) {
    return new Promise((resolve, reject) => {
      const items = Array.isArray(args.itemList) ? args.itemList.slice(0, 6) : [];
      if (items.length === 0) { reject(fail('showActionSheet', 'parameter error: itemList should not be empty')); return; }
      const sheet = el('div', { class: 'hmp-sheet hmp-mask', role: 'dialog', 'aria-modal': 'true', 'aria-label': String(args.alertText || texts.actions) });
      const list = el('div', { class: 'hmp-sheet-box', role: 'menu' });
      const finish = (index) => { sheet.remove(); if (index < 0) reject({ errMsg: 'showActionSheet:fail cancel' }); else resolve({ tapIndex: index }); };
      items.forEach((item, i) => {
        const button = el('button', { type: 'button', role: 'menuitem' }, String(item));
        if (args.itemColor) button.style.color = args.itemColor;
        button.addEventListener('click', () => finish(i));
        list.appendChild(button);
      });
      const cancel = el('button', { type: 'button', class: 'hmp-sheet-cancel' }, texts.cancel);
      cancel.addEventListener('click', () => finish(-1));
      list.appendChild(cancel);
      sheet.appendChild(list);
      sheet.addEventListener('keydown', (e) => { if (e.key === 'Escape') finish(-1); });
      layer.appendChild(sheet);
      list.querySelector('button').focus();
    });
  }

  function previewImage(args) {
    const urls = Array.isArray(args.urls) ? args.urls.filter((u) => typeof u === 'string' && /^(https:|data:image\/|blob:)/.test(u) || typeof u === 'string' && !/^[a-z]+:/i.test(u)) : [];
    if (urls.length === 0) throw fail('previewImage', 'parameter error: urls should not be empty');
    const current = urls.includes(args.current) ? args.current : urls[0];
    const resolveAsset = (u) => (/^[a-z]+:/i.test(u) ? u : new URL(u.replace(/^\//, ''), new URL(launch.assetsBaseUrl, location.href)).href);
    const viewer = el('div', { class: 'hmp-preview hmp-mask', role: 'dialog', 'aria-modal': 'true', 'aria-label': texts.imagePreview });
    const img = el('img', { src: resolveAsset(current), alt: '' });
    const closeButton = el('button', { type: 'button', class: 'hmp-preview-close', 'aria-label': texts.close }, '×');
    closeButton.addEventListener('click', () => viewer.remove());
    viewer.append(img, closeButton);
    layer.appendChild(viewer);
    closeButton.focus();
    return {};
  }

  // ---- API calls from the logic layer ---------------------------------------------------------------------------------
  const service = (name) => {
    const fn = name.split('.').reduce((o, k) => (o ? o[k] : undefined), services);
    if (typeof fn !== 'function') throw { errMsg: name + ':fail not supported' };
    return fn;
  };

  // At most 10 network calls of an app are in flight, as in WeChat; more wait their turn, none is refused.
  const maxInFlight = 10;
  let inFlight = 0;
  const waiting = [];
  async function network(name, args) {
    if (inFlight >= maxInFlight) await new Promise((resolve) => waiting.push(resolve));
    inFlight++;
    try {
      return await service(name)(args);
    } finally {
      inFlight--;
      const next = waiting.shift();
      if (next) next();
    }
  }

  const apis = {
    navigateTo, redirectTo, switchTab, reLaunch, navigateBack,
    setNavigationBarTitle: (a) => { title.textContent = String(a.title ?? ''); top().config = { ...top().config, navigationBarTitleText: String(a.title ?? '') }; return {}; },
    setNavigationBarColor: (a) => { nav.style.background = String(a.backgroundColor || ''); nav.dataset.text = a.frontColor === '#ffffff' ? 'white' : 'black'; return {}; },
    showNavigationBarLoading: () => { navLoading.hidden = false; return {}; },
    hideNavigationBarLoading: () => { navLoading.hidden = true; return {}; },
    startPullDownRefresh: () => { startRefresh(top()); return {}; },
    stopPullDownRefresh: () => { refreshBar.hidden = true; return {}; },
    pageScrollTo: (a) => { toView(top(), { type: 'scrollTo', scrollTop: Number(a.scrollTop) || 0, selector: typeof a.selector === 'string' ? a.selector : null, duration: a.duration ?? 300 }); return {}; },
    showToast: (a) => (services.ui && services.ui.toast ? services.ui.toast(a) : toast.show(a, false)),
    hideToast: () => { toast.hide(); return {}; },
    showLoading: (a) => (services.ui && services.ui.loading ? services.ui.loading(a) : toast.show({ ...a, mask: a.mask }, true)),
    hideLoading: () => { toast.hide(); return {}; },
    showModal: (a) => (services.ui && services.ui.modal ? services.ui.modal(a) : showModal(layer, a, texts)),
    showActionSheet: (a) => (services.ui && services.ui.actionSheet ? services.ui.actionSheet(a) : showActionSheet(a)),
    previewImage,
    login: () => service('login')(),
    checkSession: () => service('checkSession')(),
    request: (a) => network('request', a),
    uploadFile: (a) => network('uploadFile', a),
    downloadFile: (a) => network('downloadFile', a),
    requestPayment: (a) => service('requestPayment')(a),
    setClipboardData: async (a) => {
      if (services.setClipboardData) return services.setClipboardData(a);
      await navigator.clipboard.writeText(String(a.data ?? ''));
      toast.show({ title: texts.copied, icon: 'none' }, false);
      return {};
    },
    getLocation: (a) => service('getLocation')(a),
    scanCode: (a) => service('scanCode')(a),
    requestSubscribeMessage: (a) => service('requestSubscribeMessage')(a),
    getUserProfile: (a) => service('getUserProfile')(a),
    showShareMenu: () => ({}),
    hideShareMenu: () => ({}),
    exitMiniProgram: () => { if (services.close) services.close(); return {}; },
    setStorage: (a) => (services.setStorage ? services.setStorage(String(a.key), a.data) : {}),
    removeStorage: (a) => (services.removeStorage ? services.removeStorage(String(a.key)) : {}),
    clearStorage: () => (services.clearStorage ? services.clearStorage() : {}),
    __query: (a) => query(a),
  };

  let nextQueryId = 1;
  const queries = new Map();
  function query(args) {
    const page = pages.get(args.pageId) || top();
    if (!page || !Array.isArray(args.ops)) throw fail('createSelectorQuery', 'no page');
    return new Promise((resolve, reject) => {
      const queryId = nextQueryId++;
      const timer = setTimeout(() => { queries.delete(queryId); reject(fail('createSelectorQuery', 'timeout')); }, 5000);
      queries.set(queryId, { page, resolve: (result) => { clearTimeout(timer); resolve({ result }); } });
      toView(page, { type: 'query', queryId, ops: args.ops, compId: isId(args.compId) ? args.compId : 0 });
    });
  }

  async function callFromLogic(message) {
    const { api, callId } = message;
    const args = isObject(message.args) ? message.args : {};
    let ok = true;
    let res;
    try {
      if (!Object.prototype.hasOwnProperty.call(apis, api)) throw { errMsg: api + ':fail not supported' };
      res = await apis[api](args);
      if (!isObject(res)) res = {};
    } catch (error) {
      ok = false;
      res = isObject(error) && typeof error.errMsg === 'string' ? { errMsg: error.errMsg } : { errMsg: api + ':fail ' + String(error && error.message ? error.message : error) };
    }
    try {
      toLogic({ type: 'callResult', callId, ok, res: ok ? { errMsg: api + ':ok', ...res } : res });
    } catch {
      // The result could not be cloned (a service returned something exotic): report a plain failure instead.
      toLogic({ type: 'callResult', callId, ok: false, res: { errMsg: api + ':fail result not serialisable' } });
    }
  }

  function startRefresh(page) {
    if (!page) return;
    refreshBar.hidden = false;
    toLogic({ type: 'pullDownRefresh', pageId: page.id });
  }

  // ---- the bridge -------------------------------------------------------------------------------------------------------
  function drop(reason) {
    stats.dropped++;
    if (stats.reasons.length < 50) stats.reasons.push(reason);
    console.warn('mini-program host: dropped a message: ' + reason);
  }

  function onMessage(event) {
    if (logicWindow && event.source === logicWindow) {
      if (event.origin !== 'null') { drop('logic message from a non-sandboxed origin'); return; }
      onLogicMessage(event.data);
      return;
    }
    const page = pagesByWindow.get(event.source);
    if (!page) {
      // A window we made but no longer trust, or someone else's message to the embedding page.
      if ([...pages.values()].some((p) => p.frame.contentWindow === event.source)) drop('message from a retired view frame');
      return;
    }
    if (event.origin !== 'null' || page.dead) { drop('view message from a non-sandboxed origin'); return; }
    onViewMessage(page, event.data);
  }
  addEventListener('message', onMessage);

  function onLogicMessage(message) {
    if (!isObject(message) || !logicMessageTypes.has(message.type)) { drop('logic: unknown message'); return; }
    switch (message.type) {
      case 'ready': {
        if (logicReady) { drop('logic: ready twice'); return; }
        viewBundleReady.then(() => {
          logicReady = true;
          for (const queued of logicQueue.splice(0)) logicWindow.postMessage(queued, '*');
          toLogic({ type: 'appLaunch' });
          let first = config.entryPagePath || config.pages[0];
          let query = launch.query || {};
          if (launch.path) {
            try { ({ route: first, query } = parseUrl('/' + String(launch.path).replace(/^\//, ''), 'launch')); query = { ...query, ...(launch.query || {}) }; } catch { /* the entry page instead */ }
          }
          openFirst(first, query);
        }, (error) => console.error('mini-program host:', error));
        return;
      }
      case 'error': console.error('mini-program logic:', String(message.message)); return;
      case 'setData': case 'triggerEvent': {
        const page = pages.get(message.pageId);
        if (!page || !isId(message.compId ?? 0)) { if (!page) return; drop('logic: bad ' + message.type); return; }
        if (message.type === 'setData') {
          if (!isObject(message.data) || !isId(message.cbId ?? 0)) { drop('logic: bad setData'); return; }
          toView(page, { type: 'setData', compId: message.compId || 0, data: message.data, cbId: message.cbId || 0 });
        } else {
          if (!isName(message.name)) { drop('logic: bad triggerEvent'); return; }
          toView(page, { type: 'triggerEvent', compId: message.compId, name: message.name, detail: message.detail, options: isObject(message.options) ? message.options : {} });
        }
        return;
      }
      case 'pageInit': {
        const page = pages.get(message.pageId);
        if (!page || !isObject(message.data)) return;
        page.data = message.data;
        viewBundleReady.then(() => initView(page));
        return;
      }
      case 'call':
        if (!isName(message.api) || !isId(message.callId)) { drop('logic: bad call'); return; }
        callFromLogic(message);
        return;
      case 'shareContent': {
        const page = pages.get(message.pageId);
        if (!page || !isObject(message.content)) return;
        const content = message.content;
        const share = {
          appId: launch.appId,
          title: typeof content.title === 'string' ? content.title : launch.name || '',
          path: typeof content.path === 'string' ? content.path : page.route + queryString(page.query),
          imageUrl: typeof content.imageUrl === 'string' ? content.imageUrl : '',
        };
        if (services.share) Promise.resolve(services.share(share)).catch((error) => console.error('share:', error));
        return;
      }
      default:
    }
  }

  function onViewMessage(page, message) {
    if (!isObject(message) || !viewMessageTypes.has(message.type)) { drop('view: unknown message'); return; }
    switch (message.type) {
      case 'event':
        if (!isId(message.ownerId) || !isName(message.handler) || !isObject(message.event) || typeof message.event.type !== 'string') { drop('view: bad event'); return; }
        toLogic({ type: 'event', pageId: page.id, ownerId: message.ownerId, handler: message.handler, event: message.event });
        return;
      case 'rendered':
        if (!Array.isArray(message.cbIds) || !message.cbIds.every(isId)) { drop('view: bad rendered'); return; }
        toLogic({ type: 'rendered', pageId: page.id, cbIds: message.cbIds });
        return;
      case 'firstRender':
        if (page.firstRendered) { drop('view: second firstRender'); return; }
        page.firstRendered = true;
        toLogic({ type: 'pageReady', pageId: page.id });
        return;
      case 'compCreate':
        if (!isId(message.compId) || message.compId === 0 || !componentPaths.has(message.path) || !isObject(message.props) || !isId(message.ownerId)) { drop('view: bad compCreate'); return; }
        toLogic({ type: 'compCreate', pageId: page.id, compId: message.compId, path: message.path, props: message.props, ownerId: message.ownerId });
        return;
      case 'compProps':
        if (!isId(message.compId) || !isObject(message.props)) { drop('view: bad compProps'); return; }
        toLogic({ type: 'compProps', pageId: page.id, compId: message.compId, props: message.props });
        return;
      case 'compDetach':
        if (!isId(message.compId)) { drop('view: bad compDetach'); return; }
        toLogic({ type: 'compDetach', pageId: page.id, compId: message.compId });
        return;
      case 'queryResult': {
        const pending = queries.get(message.queryId);
        if (!pending || pending.page !== page || !Array.isArray(message.result)) { drop('view: bad queryResult'); return; }
        queries.delete(message.queryId);
        pending.resolve(message.result);
        return;
      }
      case 'navigate': {
        if (page !== top()) { drop('view: navigate from a hidden page'); return; }
        const url = typeof message.url === 'string' ? message.url : '';
        const run = { navigate: navigateTo, redirect: redirectTo, switchTab, reLaunch, navigateBack }[message.openType];
        if (!run) { drop('view: bad navigate'); return; }
        run({ url, delta: message.delta }).catch((error) => console.warn('navigator:', error.errMsg || error));
        return;
      }
      case 'reachBottom':
        if (page === top()) toLogic({ type: 'reachBottom', pageId: page.id });
        return;
      case 'pullDownRefresh':
        if (page === top() && page.config.enablePullDownRefresh && refreshBar.hidden) startRefresh(page);
        return;
      case 'openType':
        if (message.openType === 'share' && page === top()) toLogic({ type: 'share', pageId: page.id, from: 'button' });
        return;
      default:
    }
  }

  return {
    stats,
    /** The routes of the page stack, bottom first. */
    get routes() { return stack.map((p) => p.route); },
    /** The page on top with its query (<c>pages/x/x?id=1</c>), or null before the first page opens. */
    get path() { const page = top(); return page ? page.route + queryString(page.query) : null; },
    /**
     * Shares the page on top as the embedder's own menu asks: the page's onShareAppMessage (from 'menu') makes the
     * card, which reaches services.share. Returns false before the first page opens.
     */
    share() {
      const page = top();
      if (!page) return false;
      toLogic({ type: 'share', pageId: page.id, from: 'menu' });
      return true;
    },
    unmount() {
      removeEventListener('message', onMessage);
      toast.hide();
      root.remove();
      pages.clear();
      pagesByWindow.clear();
    },
  };
}

function queryString(query) {
  const search = new URLSearchParams(query || {}).toString();
  return search ? '?' + search : '';
}

function defaultSystemInfo() {
  return {
    brand: 'browser', model: navigator.userAgent, pixelRatio: devicePixelRatio, screenWidth: screen.width, screenHeight: screen.height,
    windowWidth: innerWidth, windowHeight: innerHeight, statusBarHeight: 0, language: navigator.language, version: '8.0.0',
    system: navigator.platform, platform: 'web', SDKVersion: '3.0.0', theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  };
}
