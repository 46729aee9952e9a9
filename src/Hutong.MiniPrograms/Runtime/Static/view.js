// The view frame: renders one page of a mini-program from its compiled templates and data, and sends taps and
// other events up to the host. It runs in an opaque-origin sandbox under a CSP without eval: expressions are
// evaluated from their compiled AST here, never as code. Package code never runs here, except WXS modules,
// which the bundler emits as a script file and which see no browser globals.
'use strict';
(() => {
  // ---- state -------------------------------------------------------------------------------------------------
  let hostOrigin = null;
  let bundle = null; // { wxml, css, appCss, using, wxs }
  let route = '';
  let assetsBase = '';
  let pageConfig = {};
  const wxsFactories = new Map();
  const wxsInstances = new Map();
  const comps = new Map(); // compId -> component instance
  let nextCompId = 1;
  let page = null; // the page instance: { id: 0, path, data, root, vnodes, dirty }
  const pendingCallbacks = [];
  let flushQueued = false;
  let reachBottomFiredAt = -1;

  const send = (message) => parent.postMessage(message, hostOrigin || '*');

  // WXS modules register themselves through this global when their script loads.
  window.__hutong_wxs = (key, factory) => wxsFactories.set(key, factory);
  // WXS has getDate and getRegExp instead of the Date and RegExp constructors.
  window.getDate = (...args) => new Date(...args);
  window.getRegExp = (pattern, flags) => new RegExp(pattern, flags);

  // ---- data paths (setData) -------------------------------------------------------------------------------------
  const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

  /** 'a.b[0].c' -> ['a', 'b', 0, 'c']; null when the path is malformed or names a forbidden key. */
  function parsePath(path) {
    const keys = [];
    let i = 0;
    let current = '';
    while (i < path.length) {
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
    if (keys.length === 0 || keys.some((k) => forbiddenKeys.has(k))) return null;
    return keys;
  }

  function applyData(target, changes) {
    for (const path of Object.keys(changes)) {
      const keys = parsePath(path);
      if (!keys) continue;
      let node = target;
      for (let i = 0; i < keys.length - 1; i++) {
        const key = keys[i];
        if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
        node = node[key];
      }
      node[keys[keys.length - 1]] = changes[path];
    }
  }

  // ---- expressions ----------------------------------------------------------------------------------------------
  const own = Object.prototype.hasOwnProperty;

  /** Reads a property of a data value: own properties and the length of strings and arrays only. */
  function prop(target, name) {
    if (target === null || target === undefined) return undefined;
    if (name === 'length' && (typeof target === 'string' || Array.isArray(target))) return target.length;
    if (typeof target !== 'object' && typeof target !== 'string') return undefined;
    return own.call(target, name) ? target[name] : undefined;
  }

  function lookup(scope, name) {
    for (let s = scope; s; s = s.parent) {
      if (s.vars && own.call(s.vars, name)) return s.vars[name];
      if (s.data && own.call(s.data, name)) return s.data[name];
      if (s.wxs && s.wxs.has(name)) return s.wxs.get(name);
    }
    return undefined;
  }

  function text(value) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  function evaluate(e, scope) {
    switch (e.k) {
      case 'num': case 'str': case 'bool': return e.v;
      case 'null': return null;
      case 'undef': return undefined;
      case 'id': return lookup(scope, e.n);
      case 'mem': return prop(evaluate(e.o, scope), e.n);
      case 'idx': {
        const index = evaluate(e.i, scope);
        return prop(evaluate(e.o, scope), typeof index === 'number' ? index : String(index));
      }
      case 'un': {
        const a = evaluate(e.a, scope);
        return e.op === '!' ? !a : e.op === '-' ? -a : +a;
      }
      case 'bin': {
        if (e.op === '&&') { const l = evaluate(e.l, scope); return l ? evaluate(e.r, scope) : l; }
        if (e.op === '||') { const l = evaluate(e.l, scope); return l ? l : evaluate(e.r, scope); }
        const l = evaluate(e.l, scope);
        const r = evaluate(e.r, scope);
        switch (e.op) {
          case '+': return l + r;
          case '-': return l - r;
          case '*': return l * r;
          case '/': return l / r;
          case '%': return l % r;
          case '===': return l === r;
          case '!==': return l !== r;
          // eslint-disable-next-line eqeqeq
          case '==': return l == r;
          // eslint-disable-next-line eqeqeq
          case '!=': return l != r;
          case '<': return l < r;
          case '>': return l > r;
          case '<=': return l <= r;
          case '>=': return l >= r;
          default: return undefined;
        }
      }
      case 'cond': return evaluate(e.t, scope) ? evaluate(e.y, scope) : evaluate(e.n, scope);
      case 'arr': return e.a.map((item) => evaluate(item, scope));
      case 'obj': {
        const result = {};
        for (const entry of e.e) {
          const value = evaluate(entry.v, scope);
          if (entry.n === undefined || entry.n === null) {
            if (value && typeof value === 'object') Object.assign(result, value);
          } else if (!forbiddenKeys.has(entry.n)) {
            result[entry.n] = value;
          }
        }
        return result;
      }
      case 'wxs': {
        const module = lookup(scope, e.m);
        const fn = module && own.call(module, e.f) ? module[e.f] : undefined;
        if (typeof fn !== 'function') return undefined;
        try {
          return fn.apply(undefined, e.a.map((arg) => evaluate(arg, scope)));
        } catch (error) {
          console.error('wxs ' + e.m + '.' + e.f + ':', error);
          return undefined;
        }
      }
      case 'cat': return e.a.map((part) => text(evaluate(part, scope))).join('');
      default: return undefined;
    }
  }

  // ---- WXS modules ----------------------------------------------------------------------------------------------
  function wxsModule(key) {
    if (wxsInstances.has(key)) return wxsInstances.get(key).exports;
    const factory = wxsFactories.get(key);
    if (!factory) return undefined;
    const module = { exports: {} };
    wxsInstances.set(key, module);
    const dir = key.split('#')[0].split('/').slice(0, -1).join('/');
    const require = (name) => wxsModule(resolvePath(dir, name));
    try {
      factory.call(undefined, require, module, module.exports);
    } catch (error) {
      console.error('wxs ' + key + ':', error);
    }
    return module.exports;
  }

  const docWxs = new Map();
  /** The WXS modules a document's bindings may call, by module name. */
  function wxsOf(doc) {
    if (!doc) return null;
    let modules = docWxs.get(doc.file);
    if (!modules) {
      modules = new Map();
      for (const m of doc.wxs || []) modules.set(m.module, wxsModule(m.src || doc.file + '#' + m.module));
      docWxs.set(doc.file, modules);
    }
    return modules;
  }

  // ---- paths -----------------------------------------------------------------------------------------------------
  function resolvePath(dir, reference) {
    const parts = reference.startsWith('/') ? [] : dir.split('/').filter(Boolean);
    for (const part of reference.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop(); else parts.push(part);
    }
    return parts.join('/');
  }

  const dirOf = (path) => path.split('/').slice(0, -1).join('/');

  /** A package path or URL in an attribute (image src, ...) as a URL the frame may load. */
  function assetUrl(src, ownerPath) {
    if (typeof src !== 'string' || src === '') return '';
    if (/^(https:|data:image\/|blob:)/i.test(src)) return src;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return ''; // javascript:, http: and the like are never loaded
    return assetsBase + resolvePath(dirOf(ownerPath), src);
  }

  // ---- rendering: templates -> virtual nodes ---------------------------------------------------------------------
  // A vnode is { t: tag, a: attrs, e: events, d: dataset, c: children, k: key, o: owner } or { x: text }.
  // Components are { t, comp: path, a, e, d, c: slotted children, k, o }.

  function findTemplate(doc, name) {
    if (doc.templates && own.call(doc.templates, name)) return { doc, nodes: doc.templates[name] };
    for (const imported of doc.imports || []) {
      const other = bundle.wxml[imported.endsWith('.wxml') ? imported : imported + '.wxml'];
      if (other && other.templates && own.call(other.templates, name)) return { doc: other, nodes: other.templates[name] };
    }
    return null;
  }

  function renderNodes(nodes, ctx, scope, out, keyPrefix) {
    for (let i = 0; i < nodes.length; i++) renderNode(nodes[i], ctx, scope, out, keyPrefix + i);
    return out;
  }

  function renderNode(node, ctx, scope, out, key) {
    switch (node.k) {
      case 'text': out.push({ x: text(evaluate(node.v, scope)) }); return;
      case 'if':
        for (let b = 0; b < node.branches.length; b++) {
          const branch = node.branches[b];
          if (!branch.test || evaluate(branch.test, scope)) { renderNode(branch.node, ctx, scope, out, key + 'b' + b); return; }
        }
        return;
      case 'for': renderFor(node, ctx, scope, out, key); return;
      case 'tpl': {
        const name = text(evaluate(node.is, scope));
        const found = findTemplate(ctx.doc, name);
        if (!found) { console.warn('template "' + name + '" is not found'); return; }
        const data = node.data ? evaluate(node.data, scope) : {};
        const templateScope = { data: data || {}, wxs: wxsOf(found.doc), parent: null };
        renderNodes(found.nodes, { ...ctx, doc: found.doc }, templateScope, out, key + 't' + name + ':');
        return;
      }
      case 'include': {
        const doc = bundle.wxml[node.src.endsWith('.wxml') ? node.src : node.src + '.wxml'];
        if (doc) renderNodes(doc.nodes, { ...ctx, doc }, { vars: null, wxs: wxsOf(doc), parent: scope }, out, key + 'i:');
        return;
      }
      case 'el': renderElement(node, ctx, scope, out, key); return;
      default:
    }
  }

  function renderFor(node, ctx, scope, out, key) {
    let list = evaluate(node.list, scope);
    let entries;
    if (Array.isArray(list)) entries = list.map((item, index) => [index, item]);
    else if (typeof list === 'number') entries = Array.from({ length: Math.max(0, Math.floor(list)) }, (_, i) => [i, i]);
    else if (typeof list === 'string') entries = Array.from(list, (c, i) => [i, c]);
    else if (list && typeof list === 'object') entries = Object.keys(list).map((k) => [k, list[k]]);
    else return;
    for (const [index, item] of entries) {
      const itemScope = { vars: { [node.item]: item, [node.index]: index }, parent: scope };
      const start = out.length;
      let itemKey;
      if (node.key === '*this') itemKey = text(item);
      else if (node.key) itemKey = text(prop(item, node.key));
      renderNode(node.node, ctx, itemScope, out, key + 'f');
      if (itemKey !== undefined) {
        for (let i = start; i < out.length; i++) out[i].k = key + '#' + itemKey + '#' + (i - start);
      } else {
        for (let i = start; i < out.length; i++) if (out[i].k === undefined) out[i].k = key + '@' + index + '#' + (i - start);
      }
    }
  }

  function renderElement(node, ctx, scope, out, key) {
    const tag = node.tag;
    if (tag === 'block') { if (node.children) renderNodes(node.children, ctx, scope, out, key + ':'); return; }
    const attrs = {};
    if (node.attrs) for (const name in node.attrs) attrs[name] = evaluate(node.attrs[name], scope);
    let events = null;
    if (node.events) {
      events = node.events.map((binding) => ({ kind: binding.kind, name: binding.name, handler: text(evaluate(binding.handler, scope)) }));
    }
    let dataset = null;
    if (node.dataset) {
      dataset = {};
      for (const name in node.dataset) dataset[name] = evaluate(node.dataset[name], scope);
    }
    const vnode = { t: tag, a: attrs, e: events, d: dataset, c: null, k: undefined, o: ctx.owner };
    const componentPath = ctx.using && own.call(ctx.using, tag) ? ctx.using[tag] : null;
    if (componentPath) vnode.comp = componentPath;
    if (node.children && tag !== 'rich-text') vnode.c = renderNodes(node.children, ctx, scope, [], key + ':');
    out.push(vnode);
  }

  function renderOwner(owner) {
    const doc = bundle.wxml[owner.path + '.wxml'];
    if (!doc) return [];
    const ctx = { doc, owner, using: bundle.using[owner.path] || {} };
    return renderNodes(doc.nodes, ctx, { data: owner.data, wxs: wxsOf(doc), parent: null }, [], 'r');
  }

  // ---- patching: virtual nodes -> DOM ----------------------------------------------------------------------------
  function patchChildren(parentDom, oldChildren, newChildren) {
    oldChildren = oldChildren || [];
    const oldByKey = new Map();
    const oldUnkeyed = [];
    for (const old of oldChildren) {
      if (old.k !== undefined) oldByKey.set(old.k, old); else oldUnkeyed.push(old);
    }
    let unkeyedIndex = 0;
    const used = new Set();
    for (const vnode of newChildren) {
      let match = null;
      if (vnode.k !== undefined) {
        const candidate = oldByKey.get(vnode.k);
        if (candidate && sameKind(candidate, vnode)) match = candidate;
      } else if (unkeyedIndex < oldUnkeyed.length && sameKind(oldUnkeyed[unkeyedIndex], vnode)) {
        match = oldUnkeyed[unkeyedIndex++];
      } else if (unkeyedIndex < oldUnkeyed.length) {
        unkeyedIndex++;
      }
      if (match && !used.has(match)) { used.add(match); update(match, vnode); } else create(vnode);
    }
    for (const old of oldChildren) if (!used.has(old)) destroy(old, true);
    // Put the nodes in order, moving only those out of place.
    let ref = firstManaged(parentDom);
    for (const vnode of newChildren) {
      if (vnode.dom === ref) ref = nextManaged(ref);
      else parentDom.insertBefore(vnode.dom, ref);
    }
  }

  // Children patched into an element are all managed; builtins keep their own parts before the content.
  const firstManaged = (parent) => { let n = parent.firstChild; while (n && n.__wxPart) n = n.nextSibling; return n; };
  const nextManaged = (node) => { let n = node.nextSibling; while (n && n.__wxPart) n = n.nextSibling; return n; };

  const sameKind = (a, b) => (a.x !== undefined) === (b.x !== undefined) && a.t === b.t && a.comp === b.comp;

  function create(vnode) {
    if (vnode.x !== undefined) { vnode.dom = document.createTextNode(vnode.x); return; }
    if (vnode.comp) { createComponent(vnode); return; }
    const builtin = builtins[vnode.t] || builtins.view;
    const dom = builtin.create(vnode);
    vnode.dom = dom;
    dom.__wx = vnode;
    applyCommon(dom, vnode, null);
    if (builtin.update) builtin.update(dom, vnode, null);
    const content = dom.__content || dom;
    if (vnode.c && !builtin.leaf) patchChildren(content, null, vnode.c);
  }

  function update(old, vnode) {
    vnode.dom = old.dom;
    if (vnode.x !== undefined) { if (old.x !== vnode.x) old.dom.nodeValue = vnode.x; return; }
    if (vnode.comp) { updateComponent(old, vnode); return; }
    const builtin = builtins[vnode.t] || builtins.view;
    const dom = old.dom;
    dom.__wx = vnode;
    applyCommon(dom, vnode, old);
    if (builtin.update) builtin.update(dom, vnode, old);
    const content = dom.__content || dom;
    if (!builtin.leaf) patchChildren(content, old.c, vnode.c || []);
  }

  function destroy(vnode, remove) {
    if (vnode.x === undefined) {
      if (vnode.comp && vnode.instance) destroyComponent(vnode.instance);
      if (vnode.c) for (const child of vnode.c) destroy(child, false);
    }
    if (remove && vnode.dom && vnode.dom.parentNode) vnode.dom.parentNode.removeChild(vnode.dom);
  }

  const rpxPattern = /(-?\d*\.?\d+)rpx\b/g;
  const styleText = (value) => text(value).replace(rpxPattern, 'calc($1 * var(--rpx))');

  /** class, style, id, hidden and animation: the attributes every element takes. */
  function applyCommon(dom, vnode, old) {
    const a = vnode.a;
    const o = old ? old.a : {};
    if (a.class !== o.class) dom.setAttribute('class', text(a.class));
    if (a.style !== o.style) dom.style.cssText = styleText(a.style);
    if (a.id !== o.id) { if (a.id === undefined || a.id === '') dom.removeAttribute('id'); else dom.id = text(a.id); }
    if (a.slot !== o.slot) { if (a.slot) dom.setAttribute('slot', text(a.slot)); else dom.removeAttribute('slot'); }
    if (a.hidden !== o.hidden) dom.hidden = a.hidden !== undefined && a.hidden !== false && a.hidden !== 'false';
    for (const name in a) {
      if ((name.startsWith('aria-') || name === 'role') && a[name] !== o[name]) dom.setAttribute(name, text(a[name]));
    }
    if (a.animation !== o.animation && a.animation && typeof a.animation === 'object') runAnimation(dom, a.animation);
  }

  const flag = (value) => value !== undefined && value !== null && value !== false && value !== 'false';

  // ---- animation (wx.createAnimation().export()) -----------------------------------------------------------------
  function runAnimation(dom, exported) {
    const actions = Array.isArray(exported.actions) ? exported.actions : [];
    let step = 0;
    const next = () => {
      if (step >= actions.length) return;
      const action = actions[step++];
      const option = action.option || {};
      const transition = option.transition || {};
      const duration = Number(transition.duration) || 0;
      const delay = Number(transition.delay) || 0;
      dom.style.transition = 'all ' + duration + 'ms ' + text(transition.timingFunction || 'linear') + ' ' + delay + 'ms';
      if (option.transformOrigin) dom.style.transformOrigin = text(option.transformOrigin);
      const transforms = [];
      for (const animate of action.animates || []) {
        const args = (animate.args || []).map((v) => (typeof v === 'number' ? v : text(v)));
        switch (animate.type) {
          case 'style': dom.style.setProperty(text(args[0]), typeof args[1] === 'number' ? args[1] + 'px' : text(args[1])); break;
          case 'opacity': dom.style.opacity = String(args[0]); break;
          case 'backgroundColor': dom.style.backgroundColor = text(args[0]); break;
          case 'width': case 'height': case 'top': case 'left': case 'right': case 'bottom':
            dom.style[animate.type] = typeof args[0] === 'number' ? args[0] + 'px' : text(args[0]); break;
          default: {
            const unit = /^(rotate|skew)/.test(animate.type) ? 'deg' : /^translate/.test(animate.type) ? 'px' : '';
            if (/^[a-zA-Z0-9]+$/.test(animate.type)) transforms.push(animate.type + '(' + args.map((v) => (typeof v === 'number' ? v + unit : v)).join(',') + ')');
          }
        }
      }
      if (transforms.length) dom.style.transform = transforms.join(' ');
      setTimeout(next, duration + delay);
    };
    next();
  }

  // ---- built-in components ---------------------------------------------------------------------------------------
  const element = (tag) => document.createElement(tag);
  const part = (node) => { node.__wxPart = true; return node; };

  function ownerPathOf(vnode) { return vnode.o ? vnode.o.path : route; }

  const builtins = {
    view: { create: (v) => element(v.t === 'view' || isKnownContainer(v.t) ? v.t : 'view') },
    text: { create: () => element('text') },
    page: { create: () => element('view') },
    'cover-view': { create: () => element('cover-view') },
    image: {
      leaf: true,
      create: () => {
        const dom = element('image');
        const img = part(element('img'));
        img.alt = '';
        img.decoding = 'async';
        img.addEventListener('load', () => fire(dom, 'load', { width: img.naturalWidth, height: img.naturalHeight }));
        img.addEventListener('error', () => fire(dom, 'error', { errMsg: 'image load fail' }));
        dom.appendChild(img);
        dom.__img = img;
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        const img = dom.__img;
        const src = assetUrl(a.src, ownerPathOf(v));
        if (img.getAttribute('src') !== src) { if (src) img.src = src; else img.removeAttribute('src'); }
        const mode = text(a.mode || 'scaleToFill');
        dom.dataset.mode = mode;
        img.style.objectFit = { aspectFit: 'contain', aspectFill: 'cover', widthFix: '', heightFix: '' }[mode] ?? (mode === 'scaleToFill' ? 'fill' : 'none');
        if (!['scaleToFill', 'aspectFit', 'aspectFill', 'widthFix', 'heightFix'].includes(mode)) img.style.objectPosition = mode.replace(/ /g, ' ');
        img.loading = flag(a['lazy-load']) ? 'lazy' : 'eager';
        if (a['aria-label'] !== undefined) img.alt = text(a['aria-label']);
        dom.setAttribute('role', 'img');
        if (!old || a['aria-label'] !== old.a['aria-label']) dom.setAttribute('aria-label', text(a['aria-label'] || ''));
      },
    },
    button: {
      create: (v) => {
        const dom = element('button');
        dom.type = 'button';
        return dom;
      },
      update: (dom, v) => {
        const a = v.a;
        dom.dataset.type = text(a.type || 'default');
        dom.dataset.size = text(a.size || 'default');
        dom.disabled = flag(a.disabled);
        const loading = flag(a.loading);
        let spinner = dom.firstChild && dom.firstChild.__wxPart ? dom.firstChild : null;
        if (loading && !spinner) { spinner = part(element('span')); spinner.className = 'wx-loading'; spinner.setAttribute('aria-hidden', 'true'); dom.insertBefore(spinner, dom.firstChild); }
        if (!loading && spinner) spinner.remove();
        dom.setAttribute('aria-busy', loading ? 'true' : 'false');
      },
    },
    input: {
      leaf: true,
      create: (v) => {
        const dom = element('input');
        dom.addEventListener('input', () => { dom.__value = dom.value; fire(dom, 'input', { value: dom.value, cursor: dom.selectionStart ?? dom.value.length, keyCode: 0 }); });
        dom.addEventListener('focus', () => fire(dom, 'focus', { value: dom.value, height: 0 }));
        dom.addEventListener('blur', () => fire(dom, 'blur', { value: dom.value }));
        dom.addEventListener('keydown', (e) => { if (e.key === 'Enter') fire(dom, 'confirm', { value: dom.value }); });
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        const type = text(a.type || 'text');
        dom.type = flag(a.password) ? 'password' : type === 'number' || type === 'digit' || type === 'idcard' ? 'text' : 'text';
        dom.inputMode = type === 'number' ? 'numeric' : type === 'digit' ? 'decimal' : 'text';
        dom.placeholder = text(a.placeholder);
        dom.disabled = flag(a.disabled);
        const max = a.maxlength === undefined ? 140 : Number(a.maxlength);
        if (max >= 0) dom.maxLength = max; else dom.removeAttribute('maxlength');
        if (a.name !== undefined) dom.name = text(a.name);
        if (!old || a.value !== old.a.value) { const value = text(a.value); if (dom.value !== value) dom.value = value; dom.__value = value; }
        if (flag(a.focus) && (!old || !flag(old.a.focus))) queueMicrotask(() => dom.focus());
        if (a['aria-label'] === undefined && a.placeholder !== undefined) dom.setAttribute('aria-label', text(a.placeholder));
      },
    },
    textarea: {
      leaf: true,
      create: () => {
        const dom = element('textarea');
        dom.addEventListener('input', () => { dom.__value = dom.value; fire(dom, 'input', { value: dom.value, cursor: dom.selectionStart, keyCode: 0 }); });
        dom.addEventListener('focus', () => fire(dom, 'focus', { value: dom.value }));
        dom.addEventListener('blur', () => fire(dom, 'blur', { value: dom.value }));
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        dom.placeholder = text(a.placeholder);
        dom.disabled = flag(a.disabled);
        const max = a.maxlength === undefined ? 140 : Number(a.maxlength);
        if (max >= 0) dom.maxLength = max; else dom.removeAttribute('maxlength');
        if (!old || a.value !== old.a.value) { const value = text(a.value); if (dom.value !== value) dom.value = value; dom.__value = value; }
        if (flag(a['auto-height'])) dom.style.height = 'auto';
      },
    },
    label: {
      create: () => {
        const dom = element('label');
        dom.addEventListener('click', (e) => {
          // A label taps the control it names (for) or the first control inside it.
          const v = dom.__wx;
          const control = v.a.for ? document.getElementById(text(v.a.for)) : dom.querySelector('checkbox, radio, switch');
          if (control && control !== e.target && !control.contains(e.target) && control.__toggle) control.__toggle();
        });
        return dom;
      },
    },
    navigator: {
      create: () => {
        const dom = element('navigator');
        dom.setAttribute('role', 'link');
        dom.tabIndex = 0;
        const go = () => {
          const a = dom.__wx.a;
          const openType = text(a['open-type'] || 'navigate');
          const url = a.url === undefined ? '' : resolveUrl(ownerPathOf(dom.__wx), text(a.url));
          send({ type: 'navigate', openType, url, delta: Number(a.delta) || 1 });
        };
        dom.addEventListener('click', go);
        dom.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
        return dom;
      },
    },
    icon: {
      leaf: true,
      create: () => { const dom = element('icon'); dom.setAttribute('role', 'img'); return dom; },
      update: (dom, v) => {
        const type = text(v.a.type);
        const glyphs = { success: '✔', success_no_circle: '✓', info: 'ℹ', warn: '!', waiting: '◷', cancel: '✕', download: '↓', search: '⌕', clear: '✕' };
        dom.textContent = glyphs[type] || '';
        dom.setAttribute('aria-label', type);
        const size = v.a.size === undefined ? 23 : Number(v.a.size) || 23;
        dom.style.fontSize = size + 'px';
        dom.style.width = dom.style.height = size + 'px';
        const colors = { success: '#07c160', success_no_circle: '#07c160', info: '#10aeff', warn: '#fa5151', waiting: '#10aeff', cancel: '#fa5151', download: '#07c160', search: '#b2b2b2', clear: '#b2b2b2' };
        dom.style.color = text(v.a.color || colors[type] || 'inherit');
      },
    },
    'scroll-view': {
      create: () => {
        const dom = element('scroll-view');
        let lastTop = 0;
        let lastLeft = 0;
        let lowerFired = false;
        let upperFired = false;
        dom.addEventListener('scroll', () => {
          const a = dom.__wx.a;
          fire(dom, 'scroll', { scrollLeft: dom.scrollLeft, scrollTop: dom.scrollTop, scrollHeight: dom.scrollHeight, scrollWidth: dom.scrollWidth, deltaX: dom.scrollLeft - lastLeft, deltaY: dom.scrollTop - lastTop });
          lastTop = dom.scrollTop;
          lastLeft = dom.scrollLeft;
          const threshold = a['lower-threshold'] === undefined ? 50 : Number(a['lower-threshold']);
          const horizontal = flag(a['scroll-x']) && !flag(a['scroll-y']);
          const remaining = horizontal ? dom.scrollWidth - dom.clientWidth - dom.scrollLeft : dom.scrollHeight - dom.clientHeight - dom.scrollTop;
          if (remaining <= threshold) { if (!lowerFired) { lowerFired = true; fire(dom, 'scrolltolower', { direction: horizontal ? 'right' : 'bottom' }); } } else lowerFired = false;
          const upper = a['upper-threshold'] === undefined ? 50 : Number(a['upper-threshold']);
          const start = horizontal ? dom.scrollLeft : dom.scrollTop;
          if (start <= upper) { if (!upperFired) { upperFired = true; fire(dom, 'scrolltoupper', { direction: horizontal ? 'left' : 'top' }); } } else upperFired = false;
        }, { passive: true });
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        const o = old ? old.a : {};
        if (flag(a['scroll-y'])) dom.dataset.scrollY = ''; else delete dom.dataset.scrollY;
        if (flag(a['scroll-x'])) dom.dataset.scrollX = ''; else delete dom.dataset.scrollX;
        const smooth = flag(a['scroll-with-animation']) ? 'smooth' : 'auto';
        if (a['scroll-top'] !== undefined && a['scroll-top'] !== o['scroll-top']) queueMicrotask(() => dom.scrollTo({ top: Number(a['scroll-top']) || 0, behavior: smooth }));
        if (a['scroll-left'] !== undefined && a['scroll-left'] !== o['scroll-left']) queueMicrotask(() => dom.scrollTo({ left: Number(a['scroll-left']) || 0, behavior: smooth }));
        if (a['scroll-into-view'] && a['scroll-into-view'] !== o['scroll-into-view']) {
          queueMicrotask(() => { const target = dom.querySelector('#' + CSS.escape(text(a['scroll-into-view']))); if (target) target.scrollIntoView({ behavior: smooth, block: 'start', inline: 'start' }); });
        }
      },
    },
    swiper: {
      create: () => {
        const dom = element('swiper');
        dom.setAttribute('role', 'region');
        dom.setAttribute('aria-roledescription', 'carousel');
        const track = part(element('div'));
        track.className = 'wx-swiper-track';
        const dots = part(element('div'));
        dots.className = 'wx-swiper-dots';
        dom.appendChild(track);
        dom.appendChild(dots);
        dom.__content = track;
        dom.__current = 0;
        let settle = null;
        track.addEventListener('scroll', () => {
          clearTimeout(settle);
          settle = setTimeout(() => {
            const index = Math.round(track.scrollLeft / Math.max(1, track.clientWidth));
            if (index !== dom.__current) { dom.__current = index; updateDots(dom); fire(dom, 'change', { current: index, currentItemId: '', source: dom.__source || 'touch' }); }
            dom.__source = '';
          }, 80);
        }, { passive: true });
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        const o = old ? old.a : {};
        const track = dom.__content;
        if (a.current !== undefined && a.current !== o.current) {
          dom.__current = Number(a.current) || 0;
          queueMicrotask(() => track.scrollTo({ left: dom.__current * track.clientWidth }));
        }
        dom.__dots = flag(a['indicator-dots']);
        dom.style.setProperty('--wx-color', text(a['indicator-active-color'] || '#000'));
        clearInterval(dom.__timer);
        if (flag(a.autoplay)) {
          const interval = Number(a.interval) || 5000;
          dom.__timer = setInterval(() => {
            const count = track.children.length;
            if (count < 2) return;
            dom.__source = 'autoplay';
            track.scrollTo({ left: ((dom.__current + 1) % count) * track.clientWidth, behavior: 'smooth' });
          }, interval);
        }
        queueMicrotask(() => updateDots(dom));
      },
    },
    'swiper-item': { create: () => { const dom = element('swiper-item'); dom.setAttribute('role', 'group'); return dom; } },
    checkbox: choice('checkbox'),
    radio: choice('radio'),
    'checkbox-group': { create: () => { const dom = element('view'); dom.setAttribute('role', 'group'); dom.__group = 'checkbox'; return dom; } },
    'radio-group': { create: () => { const dom = element('view'); dom.setAttribute('role', 'radiogroup'); dom.__group = 'radio'; return dom; } },
    switch: {
      leaf: true,
      create: () => {
        const dom = element('switch');
        dom.setAttribute('role', 'switch');
        dom.tabIndex = 0;
        dom.__toggle = () => {
          if (flag(dom.__wx.a.disabled)) return;
          dom.__value = !dom.__value;
          dom.setAttribute('aria-checked', String(dom.__value));
          fire(dom, 'change', { value: dom.__value });
        };
        dom.addEventListener('click', dom.__toggle);
        dom.addEventListener('keydown', (e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); dom.__toggle(); } });
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        if (!old || a.checked !== old.a.checked) dom.__value = flag(a.checked);
        dom.setAttribute('aria-checked', String(dom.__value));
        dom.setAttribute('aria-disabled', String(flag(a.disabled)));
        dom.dataset.type = text(a.type || 'switch');
        if (a.color) dom.style.setProperty('--wx-color', text(a.color));
      },
    },
    slider: {
      leaf: true,
      create: () => {
        const dom = element('slider');
        const input = part(element('input'));
        input.type = 'range';
        const output = part(element('output'));
        dom.appendChild(input);
        dom.appendChild(output);
        input.addEventListener('input', () => { dom.__value = Number(input.value); output.textContent = input.value; fire(dom, 'changing', { value: dom.__value }); });
        input.addEventListener('change', () => { dom.__value = Number(input.value); fire(dom, 'change', { value: dom.__value }); });
        dom.__input = input;
        dom.__output = output;
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        const input = dom.__input;
        input.min = String(a.min ?? 0);
        input.max = String(a.max ?? 100);
        input.step = String(a.step ?? 1);
        input.disabled = flag(a.disabled);
        if (!old || a.value !== old.a.value) { input.value = String(a.value ?? 0); dom.__value = Number(input.value); }
        dom.__output.hidden = !flag(a['show-value']);
        dom.__output.textContent = input.value;
        if (a.activeColor || a['active-color']) dom.style.setProperty('--wx-color', text(a.activeColor || a['active-color']));
        input.setAttribute('aria-label', text(a['aria-label'] || 'slider'));
      },
    },
    picker: {
      create: () => { const dom = element('picker'); return dom; },
      update: (dom, v, old) => {
        const a = v.a;
        const mode = text(a.mode || 'selector');
        let control = dom.firstChild && dom.firstChild.__wxPart ? dom.firstChild : null;
        const wanted = mode === 'date' || mode === 'time' ? 'input' : 'select';
        if (control && (control.tagName.toLowerCase() !== wanted || control.__mode !== mode)) { control.remove(); control = null; }
        if (!control) {
          control = part(element(wanted));
          control.__mode = mode;
          if (wanted === 'input') control.type = mode;
          control.addEventListener('change', () => {
            const value = wanted === 'select' ? Number(control.value) : control.value;
            dom.__value = value;
            fire(dom, 'change', { value });
          });
          control.addEventListener('focus', () => fire(dom, 'focus', {}));
          dom.insertBefore(control, dom.firstChild);
        }
        control.disabled = flag(a.disabled);
        control.setAttribute('aria-label', text(a['aria-label'] || 'picker'));
        if (wanted === 'select') {
          const range = Array.isArray(a.range) ? a.range : [];
          const key = a['range-key'];
          const labels = range.map((item) => text(key !== undefined && item && typeof item === 'object' ? prop(item, text(key)) : item));
          if (!old || JSON.stringify(labels) !== control.__labels) {
            control.__labels = JSON.stringify(labels);
            control.replaceChildren(...labels.map((label, i) => { const option = element('option'); option.value = String(i); option.textContent = label; return option; }));
          }
          control.value = String(Number(a.value) || 0);
          dom.__value = Number(a.value) || 0;
        } else {
          if (a.start) control.min = text(a.start);
          if (a.end) control.max = text(a.end);
          if (!old || a.value !== old.a.value) control.value = text(a.value);
          dom.__value = control.value;
        }
      },
    },
    form: {
      create: () => {
        const dom = element('form');
        dom.setAttribute('role', 'form');
        // Never a native submission: WeChat's form only reports its fields.
        dom.addEventListener('submit', (e) => e.preventDefault());
        return dom;
      },
    },
    progress: {
      leaf: true,
      create: () => {
        const dom = element('view');
        dom.style.display = 'flex';
        dom.style.alignItems = 'center';
        const bar = part(element('progress'));
        bar.max = 100;
        const info = part(element('span'));
        info.style.marginLeft = '8px';
        dom.appendChild(bar);
        dom.appendChild(info);
        dom.__bar = bar;
        dom.__info = info;
        return dom;
      },
      update: (dom, v) => {
        const a = v.a;
        const percent = Math.max(0, Math.min(100, Number(a.percent) || 0));
        dom.__bar.value = percent;
        dom.__info.hidden = !flag(a['show-info']);
        dom.__info.textContent = percent + '%';
        const color = a.activeColor || a['active-color'] || a.color;
        if (color) dom.style.setProperty('--wx-color', text(color));
        if (a['stroke-width']) dom.__bar.style.height = Number(a['stroke-width']) + 'px';
        dom.__bar.setAttribute('aria-label', text(a['aria-label'] || 'progress'));
      },
    },
    'rich-text': {
      leaf: true,
      create: () => element('rich-text'),
      update: (dom, v, old) => {
        if (old && old.a.nodes === v.a.nodes) return;
        dom.replaceChildren(...richText(v.a.nodes, ownerPathOf(v)));
      },
    },
    video: media('video'),
    audio: media('audio'),
    slot: {
      leaf: true,
      create: () => element('slot'),
      update: (dom, v) => { if (v.a.name) dom.name = text(v.a.name); else dom.removeAttribute('name'); },
    },
  };

  const knownContainers = new Set(['view', 'cover-view', 'movable-area', 'movable-view', 'match-media', 'page-container', 'root-portal']);
  const isKnownContainer = (tag) => knownContainers.has(tag);

  function choice(kind) {
    return {
      create: () => {
        const dom = element(kind);
        dom.setAttribute('role', kind);
        dom.tabIndex = 0;
        const box = part(element('span'));
        box.className = 'wx-box';
        box.setAttribute('aria-hidden', 'true');
        dom.appendChild(box);
        dom.__toggle = () => {
          if (flag(dom.__wx.a.disabled)) return;
          if (kind === 'radio' && dom.__value) return;
          dom.__value = !dom.__value;
          dom.setAttribute('aria-checked', String(dom.__value));
          const group = findGroup(dom, kind);
          if (!group) return;
          const members = [...group.querySelectorAll(kind)].filter((m) => findGroup(m, kind) === group);
          if (kind === 'radio') {
            for (const m of members) if (m !== dom) { m.__value = false; m.setAttribute('aria-checked', 'false'); }
            fire(group, 'change', { value: text(dom.__wx.a.value) });
          } else {
            fire(group, 'change', { value: members.filter((m) => m.__value).map((m) => text(m.__wx.a.value)) });
          }
        };
        dom.addEventListener('click', dom.__toggle);
        dom.addEventListener('keydown', (e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); dom.__toggle(); } });
        return dom;
      },
      update: (dom, v, old) => {
        const a = v.a;
        if (!old || a.checked !== old.a.checked) dom.__value = flag(a.checked);
        dom.setAttribute('aria-checked', String(!!dom.__value));
        dom.setAttribute('aria-disabled', String(flag(a.disabled)));
        if (a.color) dom.style.setProperty('--wx-color', text(a.color));
      },
    };
  }

  function findGroup(dom, kind) {
    for (let n = dom.parentNode; n; n = n.parentNode) if (n.__group === kind) return n;
    return null;
  }

  function media(tag) {
    return {
      leaf: true,
      create: () => {
        const dom = element(tag);
        for (const name of ['play', 'pause', 'ended', 'timeupdate', 'error']) {
          dom.addEventListener(name, () => fire(dom, name, name === 'timeupdate' ? { currentTime: dom.currentTime, duration: dom.duration } : {}));
        }
        return dom;
      },
      update: (dom, v) => {
        const a = v.a;
        const src = assetUrl(a.src, ownerPathOf(v));
        if (dom.getAttribute('src') !== src) { if (src) dom.src = src; else dom.removeAttribute('src'); }
        dom.controls = a.controls === undefined ? true : flag(a.controls);
        dom.loop = flag(a.loop);
        dom.muted = flag(a.muted);
        dom.autoplay = flag(a.autoplay);
        if (tag === 'video' && a.poster) dom.poster = assetUrl(a.poster, ownerPathOf(v));
        if (a['object-fit']) dom.style.objectFit = text(a['object-fit']);
      },
    };
  }

  function updateDots(dom) {
    const dots = dom.querySelector(':scope > .wx-swiper-dots');
    const count = dom.__content.children.length;
    dots.hidden = !dom.__dots;
    if (!dom.__dots) return;
    if (dots.children.length !== count) {
      dots.replaceChildren(...Array.from({ length: count }, (_, i) => {
        const dot = element('button');
        dot.type = 'button';
        dot.setAttribute('aria-label', 'Slide ' + (i + 1));
        dot.addEventListener('click', () => dom.__content.scrollTo({ left: i * dom.__content.clientWidth, behavior: 'smooth' }));
        return dot;
      }));
    }
    [...dots.children].forEach((dot, i) => dot.setAttribute('aria-current', String(i === dom.__current)));
  }

  // ---- rich-text: an allow-list of tags and attributes; no scripts, handlers or script URLs -----------------------
  const richTags = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'fieldset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'label', 'legend', 'li', 'ol', 'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'big', 'center', 'cite', 'caption', 'font', 'mark']);
  const richAttrs = new Set(['class', 'style', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan', 'align', 'title', 'start', 'type', 'dir']);

  function richText(nodes, ownerPath) {
    if (typeof nodes === 'string') {
      const parsed = new DOMParser().parseFromString(nodes, 'text/html');
      return [...parsed.body.childNodes].map(fromDom).filter(Boolean);
    }
    if (Array.isArray(nodes)) return nodes.map(fromJson).filter(Boolean);
    return [];

    function build(name, attrs, children) {
      name = String(name).toLowerCase();
      if (!richTags.has(name)) {
        // Unknown or dangerous tags (script, style, iframe...) are dropped with their content, except plain wrappers.
        if (['script', 'style', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'template', 'noscript', 'title'].includes(name)) return null;
        name = 'span';
      }
      const dom = document.createElement(name === 'a' ? 'span' : name);
      for (const [key, raw] of attrs) {
        const attr = String(key).toLowerCase();
        if (!richAttrs.has(attr)) continue;
        let value = String(raw);
        if (attr === 'src') { value = assetUrl(value, ownerPath); if (!value) continue; }
        if (attr === 'style' && /url\s*\(|expression\s*\(|javascript:/i.test(value)) continue;
        dom.setAttribute(attr, value);
      }
      for (const child of children) if (child) dom.appendChild(child);
      return dom;
    }

    function fromDom(node) {
      if (node.nodeType === 3) return document.createTextNode(node.nodeValue);
      if (node.nodeType !== 1) return null;
      return build(node.localName, [...node.attributes].map((a) => [a.name, a.value]), [...node.childNodes].map(fromDom));
    }

    function fromJson(node) {
      if (!node || typeof node !== 'object') return null;
      if (node.type === 'text') return document.createTextNode(text(node.text));
      const attrs = node.attrs && typeof node.attrs === 'object' ? Object.entries(node.attrs) : [];
      return build(text(node.name || 'div'), attrs, Array.isArray(node.children) ? node.children.map(fromJson) : []);
    }
  }

  // ---- custom components -------------------------------------------------------------------------------------------
  function createComponent(vnode) {
    const host = element('wx-' + vnode.t.replace(/[^a-z0-9-]/gi, '-').toLowerCase());
    const id = nextCompId++;
    const props = { ...vnode.a };
    const instance = { id, path: vnode.comp, data: { ...props }, props, host, vnodes: [], dirty: false, ready: false };
    instance.shadow = host.attachShadow({ mode: 'open' });
    const style = element('style');
    style.textContent = bundle.css[vnode.comp] || '';
    instance.shadow.appendChild(style);
    comps.set(id, instance);
    vnode.instance = instance;
    vnode.dom = host;
    host.__wx = vnode;
    applyCommon(host, vnode, null);
    send({ type: 'compCreate', compId: id, path: vnode.comp, props: plain(props), ownerId: vnode.o ? vnode.o.id : 0 });
    renderComponent(instance);
    if (vnode.c) patchChildren(host, null, vnode.c);
  }

  function updateComponent(old, vnode) {
    const instance = old.instance;
    vnode.instance = instance;
    vnode.dom = old.dom;
    vnode.dom.__wx = vnode;
    applyCommon(vnode.dom, vnode, old);
    const changed = {};
    let any = false;
    for (const name in vnode.a) {
      if (['class', 'style', 'id', 'slot', 'hidden'].includes(name)) continue;
      if (!same(vnode.a[name], instance.props[name])) { changed[name] = vnode.a[name]; any = true; }
    }
    instance.props = { ...vnode.a };
    if (any) {
      Object.assign(instance.data, changed);
      send({ type: 'compProps', compId: instance.id, props: plain(changed) });
      renderComponent(instance);
    }
    patchChildren(vnode.dom, old.c, vnode.c || []);
  }

  function destroyComponent(instance) {
    for (const child of instance.vnodes) destroy(child, false);
    comps.delete(instance.id);
    send({ type: 'compDetach', compId: instance.id });
  }

  function renderComponent(instance) {
    const vnodes = renderOwner(instance);
    patchChildren(instance.shadow, instance.vnodes, vnodes);
    instance.vnodes = vnodes;
    instance.dirty = false;
  }

  function same(a, b) {
    if (a === b) return true;
    if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
    return false;
  }

  const plain = (value) => JSON.parse(JSON.stringify(value === undefined ? null : value, (k, v) => (v === undefined ? null : v)));

  // ---- events ------------------------------------------------------------------------------------------------------
  function targetInfo(dom) {
    const v = dom.__wx;
    return { id: v && v.a.id !== undefined ? text(v.a.id) : '', dataset: v && v.d ? plain(v.d) : {} };
  }

  /** Walks from an element up through components to the page, as WeChat's events bubble. */
  function ancestry(start) {
    const path = [];
    for (let n = start; n; n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode) {
      if (n.__wx) path.push(n);
      if (n === document.body) break;
    }
    return path;
  }

  /** Dispatches a WeChat event starting at dom; bubbling events walk the ancestry. */
  function dispatch(dom, type, detail, options = {}) {
    const path = options.bubbles ? ancestry(dom) : dom.__wx ? [dom] : [];
    if (path.length === 0) return false;
    const target = targetInfo(path[0]);
    const base = { type, timeStamp: Math.round(performance.now()), target, detail: detail === undefined ? {} : detail, mark: {} };
    if (options.touches) { base.touches = options.touches; base.changedTouches = options.changedTouches || options.touches; }
    let stopped = false;
    let mutHandled = false;
    let handled = false;
    const call = (node, binding) => {
      if (!binding.handler) return;
      const v = node.__wx;
      const event = { ...base, currentTarget: targetInfo(node) };
      send({ type: 'event', ownerId: v.o ? v.o.id : 0, handler: binding.handler, event });
      handled = true;
    };
    // Capture phase: outermost first.
    for (let i = path.length - 1; i >= 0 && !stopped; i--) {
      for (const binding of path[i].__wx.e || []) {
        if (binding.name !== type || (binding.kind !== 'capture-bind' && binding.kind !== 'capture-catch')) continue;
        call(path[i], binding);
        if (binding.kind === 'capture-catch') stopped = true;
      }
    }
    for (let i = 0; i < path.length && !stopped; i++) {
      for (const binding of path[i].__wx.e || []) {
        if (binding.name !== type) continue;
        if (binding.kind === 'bind') call(path[i], binding);
        else if (binding.kind === 'catch') { call(path[i], binding); stopped = true; }
        else if (binding.kind === 'mut-bind' && !mutHandled) { call(path[i], binding); mutHandled = true; }
      }
    }
    return handled;
  }

  /** A component event of a built-in component (input, change, ...): it does not bubble. */
  function fire(dom, type, detail) { dispatch(dom, type, detail, { bubbles: false }); }

  const touchList = (list) => [...list].map((t) => ({ identifier: t.identifier, pageX: t.pageX, pageY: t.pageY, clientX: t.clientX, clientY: t.clientY, force: t.force || 0 }));
  const innermost = (event) => {
    const first = event.composedPath()[0];
    return first && first.nodeType === 1 ? first : first && first.parentNode;
  };

  let longPressTimer = null;
  let longPressed = false;
  document.addEventListener('click', (event) => {
    if (longPressed) { longPressed = false; return; }
    const start = innermost(event);
    if (!start) return;
    const touch = { identifier: 0, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY, force: 0 };
    dispatch(start, 'tap', { x: event.pageX, y: event.pageY }, { bubbles: true, touches: [], changedTouches: [touch] });
    const button = start.closest && closestComposed(start, 'button');
    if (button && !button.disabled) buttonAction(button);
  }, true);

  document.addEventListener('pointerdown', (event) => {
    clearTimeout(longPressTimer);
    longPressed = false;
    const start = innermost(event);
    longPressTimer = setTimeout(() => {
      const touch = { identifier: 0, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY, force: 0 };
      const a = dispatch(start, 'longpress', { x: event.pageX, y: event.pageY }, { bubbles: true, touches: [touch] });
      const b = dispatch(start, 'longtap', { x: event.pageX, y: event.pageY }, { bubbles: true, touches: [touch] });
      longPressed = a || b;
    }, 350);
  }, true);
  for (const name of ['pointerup', 'pointercancel', 'pointermove']) {
    document.addEventListener(name, (event) => { if (name !== 'pointermove' || Math.abs(event.movementX) + Math.abs(event.movementY) > 4) clearTimeout(longPressTimer); }, true);
  }
  for (const name of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    document.addEventListener(name, (event) => {
      const start = innermost(event);
      if (start) dispatch(start, name, {}, { bubbles: true, touches: touchList(event.touches), changedTouches: touchList(event.changedTouches) });
    }, { capture: true, passive: true });
  }

  function closestComposed(start, tag) {
    for (let n = start; n; n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode) {
      if (n.nodeType === 1 && n.localName === tag && n.__wx) return n;
    }
    return null;
  }

  /** form-type and open-type of a tapped button. */
  function buttonAction(button) {
    const a = button.__wx.a;
    const formType = text(a['form-type']);
    if (formType === 'submit' || formType === 'reset') {
      const form = closestComposed(button, 'form');
      if (form) formAction(form, formType);
    }
    const openType = text(a['open-type']);
    if (openType) send({ type: 'openType', openType });
  }

  function formAction(form, kind) {
    const value = {};
    const walk = (node) => {
      for (const child of node.children) {
        const v = child.__wx;
        if (v && v.a.name !== undefined && !v.comp) {
          const name = text(v.a.name);
          if (kind === 'reset') resetField(child, v);
          else if (child.__group === 'checkbox') value[name] = [...child.querySelectorAll('checkbox')].filter((m) => m.__value).map((m) => text(m.__wx.a.value));
          else if (child.__group === 'radio') { const on = [...child.querySelectorAll('radio')].find((m) => m.__value); value[name] = on ? text(on.__wx.a.value) : ''; }
          else if (child.localName === 'switch') value[name] = !!child.__value;
          else if ('__value' in child) value[name] = child.__value;
        }
        walk(child);
      }
    };
    walk(form);
    dispatch(form, kind, kind === 'submit' ? { value, formId: '' } : {}, { bubbles: false });
  }

  function resetField(dom, v) {
    const builtin = builtins[v.t];
    if (v.t === 'input' || v.t === 'textarea') { dom.value = ''; dom.__value = ''; return; }
    if (dom.__group) { for (const m of dom.querySelectorAll('checkbox, radio')) { m.__value = false; m.setAttribute('aria-checked', 'false'); } return; }
    if (builtin && builtin.update) builtin.update(dom, v, null);
  }

  // ---- page scroll: reach-bottom and pull-down refresh ----------------------------------------------------------------
  addEventListener('scroll', () => {
    const distance = Number(pageConfig.onReachBottomDistance ?? 50);
    const bottom = document.documentElement.scrollHeight;
    if (scrollY + innerHeight >= bottom - distance) {
      if (reachBottomFiredAt !== bottom) { reachBottomFiredAt = bottom; send({ type: 'reachBottom' }); }
    }
  }, { passive: true });
  let pullStart = null;
  addEventListener('wheel', (event) => {
    if (pageConfig.enablePullDownRefresh && scrollY <= 0 && event.deltaY < -40) send({ type: 'pullDownRefresh' });
  }, { passive: true });
  addEventListener('touchstart', (event) => { pullStart = scrollY <= 0 ? event.touches[0].clientY : null; }, { passive: true });
  addEventListener('touchend', (event) => {
    if (pullStart !== null && pageConfig.enablePullDownRefresh && event.changedTouches[0].clientY - pullStart > 80) send({ type: 'pullDownRefresh' });
    pullStart = null;
  }, { passive: true });

  // ---- selector queries ---------------------------------------------------------------------------------------------
  function query(ops, compId) {
    const scopeRoot = compId && comps.has(compId) ? comps.get(compId).shadow : document;
    return ops.map((op) => {
      let nodes;
      try {
        nodes = op.selector === 'viewport' ? [document.documentElement] : op.all ? [...scopeRoot.querySelectorAll(op.selector)] : [scopeRoot.querySelector(op.selector)].filter(Boolean);
      } catch {
        nodes = [];
      }
      const describe = (node) => {
        const result = {};
        const fields = op.fields || {};
        if (fields.id) result.id = node.id || '';
        if (fields.dataset) result.dataset = node.__wx && node.__wx.d ? plain(node.__wx.d) : {};
        if (fields.rect || fields.size) {
          const rect = op.selector === 'viewport' ? { left: 0, top: 0, right: innerWidth, bottom: innerHeight, width: innerWidth, height: innerHeight } : node.getBoundingClientRect();
          if (fields.rect) Object.assign(result, { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
          if (fields.size) Object.assign(result, { width: rect.width, height: rect.height });
        }
        if (fields.scrollOffset) {
          const scroller = op.selector === 'viewport' ? document.scrollingElement : node;
          Object.assign(result, { scrollLeft: scroller.scrollLeft, scrollTop: scroller.scrollTop, scrollWidth: scroller.scrollWidth, scrollHeight: scroller.scrollHeight });
        }
        return result;
      };
      return op.all ? nodes.map(describe) : nodes.length ? describe(nodes[0]) : null;
    });
  }

  // ---- render loop ----------------------------------------------------------------------------------------------------
  function scheduleFlush() {
    if (flushQueued) return;
    flushQueued = true;
    queueMicrotask(flush);
  }

  function flush() {
    flushQueued = false;
    if (page.dirty) {
      page.dirty = false;
      const vnodes = renderOwner(page);
      patchChildren(page.root, page.vnodes, vnodes);
      page.vnodes = vnodes;
    }
    for (const instance of comps.values()) if (instance.dirty) renderComponent(instance);
    if (pendingCallbacks.length) send({ type: 'rendered', cbIds: pendingCallbacks.splice(0) });
  }

  function resolveUrl(fromPath, url) {
    if (url.startsWith('/')) return url;
    const [path, query] = url.split('?');
    const resolved = '/' + resolvePath(dirOf(fromPath), path);
    return query === undefined ? resolved : resolved + '?' + query;
  }

  // ---- messages from the host ------------------------------------------------------------------------------------------
  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (hostOrigin === null) {
      if (message.type !== 'init') return;
      hostOrigin = event.origin;
      init(message);
      return;
    }
    if (event.origin !== hostOrigin) return;
    if (!page) { early.push(message); return; }
    handle(message);
  });

  /** Messages that came while the WXS script was loading, handled once the page has rendered. */
  const early = [];

  function handle(message) {
    switch (message.type) {
      case 'setData': {
        const target = message.compId ? comps.get(message.compId) : page;
        if (target) {
          applyData(target.data, message.data || {});
          target.dirty = true;
        }
        if (message.cbId) pendingCallbacks.push(message.cbId);
        scheduleFlush();
        break;
      }
      case 'triggerEvent': {
        const instance = comps.get(message.compId);
        if (instance) dispatch(instance.host, String(message.name), message.detail, { bubbles: !!(message.options && message.options.bubbles) });
        break;
      }
      case 'query':
        send({ type: 'queryResult', queryId: message.queryId, result: query(message.ops || [], message.compId) });
        break;
      case 'scrollTo': {
        let top = Number(message.scrollTop) || 0;
        if (message.selector) {
          const target = document.querySelector(String(message.selector));
          if (target) top = target.getBoundingClientRect().top + scrollY;
        }
        scrollTo({ top, behavior: Number(message.duration) === 0 ? 'auto' : 'smooth' });
        break;
      }
      default:
    }
  }

  function init(message) {
    bundle = message.view;
    route = message.route;
    assetsBase = message.assetsBaseUrl || '';
    pageConfig = message.pageConfig || {};
    document.title = text(pageConfig.navigationBarTitleText || route);
    for (const css of [bundle.appCss, bundle.css[route]]) {
      if (!css) continue;
      const style = element('style');
      style.textContent = css;
      document.head.appendChild(style);
    }
    if (pageConfig.backgroundColor) document.documentElement.style.background = text(pageConfig.backgroundColor);
    const start = () => {
      const root = element('page');
      document.body.appendChild(root);
      page = { id: 0, path: route, data: message.data || {}, root, vnodes: [], dirty: true };
      flush();
      send({ type: 'firstRender' });
      for (const queued of early.splice(0)) handle(queued);
    };
    if (message.wxsJsUrl && bundle.wxs && bundle.wxs.length) {
      const script = element('script');
      script.src = message.wxsJsUrl;
      script.onload = start;
      script.onerror = () => { console.error('wxs modules failed to load'); start(); };
      document.head.appendChild(script);
    } else {
      start();
    }
  }
})();
