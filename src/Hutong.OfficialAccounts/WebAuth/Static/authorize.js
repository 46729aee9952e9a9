// The web authorization page (/connect/oauth2/authorize). Inside Hutong's web view its parent is the web client, of
// this same origin: the page hands it the query (appid, redirect_uri, scope, state), the client authorizes on the
// signed-in person's behalf, and answers where to go next (redirect_uri with a code) or why not. Messages go to this
// origin only and are taken only from the parent, so a site that frames this page neither asks nor hears anything.
(function () {
  'use strict';
  var parentWindow = window.parent !== window ? window.parent : null;
  var answered = false;

  function show(id) {
    ['waiting', 'outside', 'failed'].forEach(function (each) { document.getElementById(each).hidden = each !== id; });
  }

  function outside() {
    // The same link, in the web client's web view, signs the person in there.
    var open = document.getElementById('open-in-hutong');
    open.href = '/web?url=' + encodeURIComponent(location.href);
    show('outside');
  }

  function start() {
    if (!parentWindow) {
      outside();
      return;
    }

    window.addEventListener('message', function (event) {
      var data = event.data;
      if (event.source !== parentWindow || event.origin !== location.origin || !data || typeof data !== 'object') return;
      if (data.hutong === 'redirect' && typeof data.url === 'string' && /^https?:\/\//i.test(data.url)) {
        answered = true;
        location.replace(data.url);
      } else if (data.hutong === 'error') {
        answered = true;
        document.getElementById('failed-reason').textContent = String(data.message || '');
        show('failed');
      }
    });

    var query = new URLSearchParams(location.search);
    parentWindow.postMessage({
      hutong: 'authorize',
      appId: query.get('appid'),
      redirectUri: query.get('redirect_uri'),
      responseType: query.get('response_type'),
      scope: query.get('scope'),
      state: query.get('state'),
    }, location.origin);

    // A parent that is not Hutong's web view never answers: after a while, say where the link works.
    setTimeout(function () { if (!answered) outside(); }, 5000);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
