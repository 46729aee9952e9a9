/*
 * WeixinJSBridge and the JS-SDK's wx, for web pages opened in Hutong's web view (docs/official-accounts.md, "Web pages").
 * Include it with one script tag, from the node, as WeChat's pages include res.wx.qq.com/open/js/jweixin-1.6.0.js:
 *
 *   <script src="https://your-node/js/jweixin-1.6.0.js"></script>
 *
 * It talks to the Hutong client around the page (window.parent) by postMessage, addressed to the origin this script
 * came from and answered only from there. Once the client answers, window.WeixinJSBridge exists and the document gets
 * the WeixinJSBridgeReady event, as in WeChat's in-app browser; outside Hutong neither ever happens.
 *
 *   WeixinJSBridge.invoke('getBrandWCPayRequest', {appId, timeStamp, nonceStr, package, signType, paySign}, callback)
 *     opens Hutong's cashier; callback gets {err_msg: 'get_brand_wcpay_request:ok' | ':cancel' | ':fail'} (a fail
 *     carries err_desc, the node's reason). Only the payment notification proves a payment: check it on your server.
 *   WeixinJSBridge.invoke('closeWindow') closes the web view; anything else answers {err_msg: 'system:function_not_exist'}.
 *   wx.config, wx.ready, wx.chooseWXPay ({timestamp, nonceStr, package, signType, paySign, success, fail, cancel,
 *     complete}) and wx.closeWindow work on top of it. wx.config is taken as given: its signature is not checked,
 *     and only these calls exist.
 */
(function () {
  'use strict';
  if (window.WeixinJSBridge || window.__hutongJsBridge) return;
  window.__hutongJsBridge = true;

  var parentWindow = window.parent !== window ? window.parent : null;
  var node = null;
  try {
    node = new URL(document.currentScript.src).origin;
  } catch (e) {
    node = null;
  }

  var ready = false;
  var pending = {};
  var nextId = 1;
  var listeners = {};

  function post(message) {
    if (parentWindow && node) parentWindow.postMessage(message, node);
  }

  function invoke(name, args, callback) {
    var done = typeof callback === 'function' ? callback : function () {};
    if (!ready) {
      done({ err_msg: String(name) + ':fail' });
      return;
    }

    var copy;
    try {
      copy = JSON.parse(JSON.stringify(args || {}));
    } catch (e) {
      copy = {};
    }

    var id = nextId++;
    pending[id] = done;
    post({ hutong: 'invoke', id: id, name: String(name), args: copy });
  }

  // Events Hutong would raise for the page (none yet), kept so pages that listen for them run unchanged.
  function on(name, callback) {
    if (typeof callback === 'function') (listeners[name] = listeners[name] || []).push(callback);
  }

  function fireReady() {
    var event;
    try {
      event = new Event('WeixinJSBridgeReady', { bubbles: true });
    } catch (e) {
      event = document.createEvent('Event');
      event.initEvent('WeixinJSBridgeReady', true, false);
    }

    document.dispatchEvent(event);
    wxBecameReady();
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!parentWindow || event.source !== parentWindow || event.origin !== node || !data || typeof data !== 'object') return;
    if (data.hutong === 'ready' && !ready) {
      ready = true;
      window.WeixinJSBridge = { invoke: invoke, on: on, call: function (name) { invoke(name, {}); } };
      fireReady();
    } else if (data.hutong === 'result' && pending[data.id]) {
      var callback = pending[data.id];
      delete pending[data.id];
      callback(data.res && typeof data.res === 'object' ? data.res : { err_msg: 'system:fail' });
    }
  });

  // The page's title goes to the web view's header: once the page has loaded (the web view forgets the last page's
  // when its frame loads, just before) and whenever it changes.
  function sayTitle() {
    post({ hutong: 'title', title: document.title, url: location.href });
  }

  function hello() {
    post({ hutong: 'hello', title: document.title, url: location.href });
    if (window.MutationObserver && document.head) {
      new MutationObserver(sayTitle).observe(document.head, { subtree: true, childList: true, characterData: true });
    }
  }

  if (parentWindow && node) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hello);
    else hello();
    if (document.readyState === 'complete') sayTitle();
    else window.addEventListener('load', sayTitle);
  }

  // The JS-SDK's wx, on top of the bridge.
  var config = null;
  var readyCallbacks = [];

  function wxBecameReady() {
    if (!ready || !config) return;
    var callbacks = readyCallbacks;
    readyCallbacks = [];
    callbacks.forEach(function (callback) { callback(); });
  }

  function call(callback, res) {
    if (typeof callback === 'function') callback(res);
  }

  var wx = {
    config: function (options) {
      config = options || {};
      wxBecameReady();
    },
    ready: function (callback) {
      if (typeof callback !== 'function') return;
      if (ready && config) callback();
      else readyCallbacks.push(callback);
    },
    // Never called: wx.config is taken as given.
    error: function () {},
    checkJsApi: function (options) {
      var checked = {};
      ((options && options.jsApiList) || []).forEach(function (name) { checked[name] = name === 'chooseWXPay' || name === 'closeWindow'; });
      var res = { checkResult: checked, errMsg: 'checkJsApi:ok' };
      call(options && options.success, res);
      call(options && options.complete, res);
    },
    chooseWXPay: function (options) {
      options = options || {};
      var timeStamp = options.timestamp !== undefined ? options.timestamp : options.timeStamp;
      invoke('getBrandWCPayRequest', {
        appId: config && config.appId,
        timeStamp: timeStamp === undefined || timeStamp === null ? '' : String(timeStamp),
        nonceStr: options.nonceStr,
        package: options.package,
        signType: options.signType,
        paySign: options.paySign,
      }, function (res) {
        var answer;
        if (res.err_msg === 'get_brand_wcpay_request:ok') {
          answer = { errMsg: 'chooseWXPay:ok' };
          call(options.success, answer);
        } else if (res.err_msg === 'get_brand_wcpay_request:cancel') {
          answer = { errMsg: 'chooseWXPay:cancel' };
          call(options.cancel, answer);
        } else {
          answer = { errMsg: 'chooseWXPay:fail' + (res.err_desc ? ' ' + res.err_desc : '') };
          call(options.fail, answer);
        }

        call(options.complete, answer);
      });
    },
    closeWindow: function () {
      invoke('closeWindow', {});
    },
  };

  if (!window.wx) window.wx = wx;
  if (!window.jWeixin) window.jWeixin = wx;
})();
