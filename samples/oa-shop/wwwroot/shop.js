// The shop's page: signed in by web authorization (the session token is in the URL's fragment, which the browser
// sends to no server), it asks the shop for an order and pays it with WeChat's JSAPI call. The callback says what the
// person did; the shop's own record, which only the payment notification changes, says whether it is paid.
(function () {
  'use strict';
  var session = new URLSearchParams(location.hash.slice(1)).get('session');
  if (!session) {
    location.replace('/');
    return;
  }

  var pay = document.getElementById('pay');
  var status = document.getElementById('status');
  var result = document.getElementById('result');
  var paid = document.getElementById('paid');
  var auth = { Authorization: 'Bearer ' + session };

  function onBridgeReady() {
    pay.disabled = false;
    status.textContent = 'Ready to pay.';
  }

  if (typeof WeixinJSBridge === 'undefined') {
    document.addEventListener('WeixinJSBridgeReady', onBridgeReady, false);
  } else {
    onBridgeReady();
  }

  // After "ok", the shop is asked until the notification has reached it (a few seconds at most, usually at once).
  function awaitNotification(outTradeNo, tries) {
    fetch('/api/orders/' + encodeURIComponent(outTradeNo), { headers: auth })
      .then(function (response) { return response.json(); })
      .then(function (order) {
        if (order.paid) {
          status.textContent = 'The shop has your payment.';
          paid.hidden = false;
          pay.disabled = false;
        } else if (tries > 0) {
          setTimeout(function () { awaitNotification(outTradeNo, tries - 1); }, 1000);
        } else {
          status.textContent = 'The shop has not heard of the payment yet; it will once the notification arrives.';
        }
      });
  }

  pay.addEventListener('click', function () {
    pay.disabled = true;
    status.textContent = 'Making the order…';
    fetch('/api/orders', { method: 'POST', headers: auth })
      .then(function (response) {
        if (!response.ok) throw new Error('the shop answered ' + response.status);
        return response.json();
      })
      .then(function (order) {
        WeixinJSBridge.invoke('getBrandWCPayRequest', order.pay, function (res) {
          result.textContent = res.err_msg;
          if (res.err_msg === 'get_brand_wcpay_request:ok') {
            status.textContent = 'Paid in the app; checking with the shop…';
            awaitNotification(order.outTradeNo, 30);
          } else {
            status.textContent = res.err_msg === 'get_brand_wcpay_request:cancel'
              ? 'Not paid.'
              : 'The payment failed' + (res.err_desc ? ': ' + res.err_desc : '') + '.';
            pay.disabled = false;
          }
        });
      })
      .catch(function (error) {
        status.textContent = 'No order: ' + error.message + '.';
        pay.disabled = false;
      });
  });
})();
