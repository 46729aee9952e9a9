// The module registry every worker of the runtime loads first (the mini-program's logic worker, a game's worker and
// its open data context's): a package's bundle defines its files with __hutong_define and runs its entries with
// __hutong_start, as the node's bundler writes them (PackageSource.Bundle). A module requires only what its own
// bundle defined, so a game's two contexts, each with its bundle in its own worker, share no code.
'use strict';
self.__hutongModules = (() => {
  const factories = new Map();
  const modules = new Map();
  let currentPath = null;

  self.__hutong_define = (path, factory) => factories.set(path, factory);
  self.__hutong_esm = (exports, getters) => {
    Object.defineProperty(exports, '__esModule', { value: true });
    for (const name of Object.keys(getters)) Object.defineProperty(exports, name, { enumerable: true, get: getters[name] });
  };
  self.__hutong_star = (exports, from) => {
    for (const name of Object.keys(from)) {
      if (name !== 'default' && !Object.prototype.hasOwnProperty.call(exports, name)) {
        Object.defineProperty(exports, name, { enumerable: true, get: () => from[name] });
      }
    }
  };
  self.__hutong_default = (m) => (m && m.__esModule ? m.default : m);

  function resolve(from, name) {
    if (factories.has(name)) return name;
    const parts = name.startsWith('/') ? [] : from.split('/').slice(0, -1);
    for (const part of name.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop(); else parts.push(part);
    }
    const path = parts.join('/');
    for (const candidate of [path, path + '.js', path + '/index.js']) if (factories.has(candidate)) return candidate;
    return null;
  }

  function load(path) {
    if (modules.has(path)) return modules.get(path).exports;
    const module = { exports: {}, id: path };
    modules.set(path, module);
    const previous = currentPath;
    currentPath = path;
    try {
      factories.get(path).call(module.exports, requireFrom(path), module, module.exports);
    } finally {
      currentPath = previous;
    }
    return module.exports;
  }

  const requireFrom = (from) => (name) => {
    const path = resolve(from, String(name));
    if (path === null) throw new Error('module "' + name + '" is not defined (required from ' + from + ')');
    return load(path);
  };

  /** Logs an error of the package's code and tells the host, as every worker reports one. */
  function reportError(where, error) {
    console.error(where + ':', error);
    self.postMessage({ type: 'error', message: where + ': ' + String(error && error.message ? error.message : error) });
  }

  self.__hutong_start = (entries) => {
    for (const path of entries) {
      try {
        if (!factories.has(path)) throw new Error('the package has no ' + path);
        load(path);
      } catch (error) {
        reportError(path, error);
      }
    }
  };

  return {
    /** The module running its top level now (a page's or component's file registering itself), or null. */
    get currentPath() { return currentPath; },
    /** A package module by its path (a subpackage's entry), or null when the bundle has none there. */
    requireEntry: (path) => (factories.has(path) ? load(path) : null),
    reportError,
  };
})();
