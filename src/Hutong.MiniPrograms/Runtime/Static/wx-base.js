// What every worker's `wx` is built on (the mini-program's logic worker, a game's worker and its open data
// context's), loaded after the module registry (modules.js): WeChat's calling convention, and storage answered from the
// snapshot the host sent at launch.
'use strict';
self.__hutongWx = (() => {
  /** WeChat's calling convention: success/fail/complete callbacks, or a Promise when none is given. */
  function asyncApi(name, run) {
    return (options = {}) => {
      const { success, fail, complete, ...args } = options && typeof options === 'object' ? options : {};
      const hasCallbacks = [success, fail, complete].some((f) => typeof f === 'function');
      const promise = Promise.resolve().then(() => run(args)).then((res) => {
        const result = { errMsg: name + ':ok', ...(res && typeof res === 'object' ? res : {}) };
        if (typeof success === 'function') success(result);
        if (typeof complete === 'function') complete(result);
        return result;
      }, (error) => {
        const result = { errMsg: error && error.errMsg ? error.errMsg : name + ':fail ' + (error && error.message ? error.message : String(error)), ...(error && typeof error === 'object' && !(error instanceof Error) ? error : {}) };
        if (typeof fail === 'function') fail(result);
        if (typeof complete === 'function') complete(result);
        throw result;
      });
      if (hasCallbacks) { promise.catch(() => {}); return undefined; }
      return promise;
    };
  }

  /**
   * wx's storage on wx: reads answer at once from the launch's snapshot (load), writes keep it current and go through
   * to the host by callApi.
   */
  function storageApis(wx, callApi, clone) {
    const encoder = new TextEncoder();
    let storage = {};
    const storageKey = (key) => { if (typeof key !== 'string' || key === '') throw new Error('key must be a non-empty string'); return key; };
    wx.getStorageSync = (key) => { const value = storage[storageKey(key)]; return value === undefined ? '' : clone(value); };
    wx.setStorageSync = (key, data) => { storage[storageKey(key)] = clone(data); callApi('setStorage', { key, data: storage[key] }).catch(() => {}); };
    wx.removeStorageSync = (key) => { delete storage[storageKey(key)]; callApi('removeStorage', { key }).catch(() => {}); };
    wx.clearStorageSync = () => { storage = {}; callApi('clearStorage', {}).catch(() => {}); };
    wx.getStorageInfoSync = () => ({ keys: Object.keys(storage), currentSize: Math.ceil(encoder.encode(JSON.stringify(storage)).length / 1024), limitSize: 10240 });
    wx.getStorage = asyncApi('getStorage', (args) => {
      if (!(storageKey(args.key) in storage)) throw { errMsg: 'getStorage:fail data not found' };
      return { data: clone(storage[args.key]) };
    });
    wx.setStorage = asyncApi('setStorage', (args) => { storage[storageKey(args.key)] = clone(args.data); return callApi('setStorage', { key: args.key, data: storage[args.key] }).then(() => ({})); });
    wx.removeStorage = asyncApi('removeStorage', (args) => { delete storage[storageKey(args.key)]; return callApi('removeStorage', { key: args.key }).then(() => ({})); });
    wx.clearStorage = asyncApi('clearStorage', () => { storage = {}; return callApi('clearStorage', {}).then(() => ({})); });
    wx.getStorageInfo = asyncApi('getStorageInfo', () => wx.getStorageInfoSync());
    return { load(snapshot) { storage = clone(snapshot || {}) || {}; } };
  }

  return { asyncApi, storageApis };
})();
