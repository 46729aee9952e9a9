// Paying a booking's deposit. The backend makes the order with WeChat Pay and signs the parameters of
// wx.requestPayment (the order's prepay_id, a timestamp, a nonce and paySign); the app only passes them on, and the
// cashier asks for the payment PIN. Its "ok" says no more than that the cashier closed paid: the booking counts as paid
// once the backend says so, from the payment's notification or, until that has come, by asking WeChat Pay.
const api = require('./api.js');

// How long to wait before each look at the deposit (ms): the notification usually lands before the first.
const LOOKS = [300, 700, 1000, 2000, 3000];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Pays the deposit of booking `id` with `payment` (from the booking's answer) or with parameters asked for now.
// Resolves to the deposit as the backend has it: { amount, amountText, state }, plus `cancelled` when the person
// closed the cashier without paying.
async function pay(id, payment) {
  const parameters = payment || await api.depositPayment(id);
  try {
    await wx.requestPayment({
      timeStamp: parameters.timeStamp,
      nonceStr: parameters.nonceStr,
      package: parameters.package,
      signType: parameters.signType,
      paySign: parameters.paySign,
    });
  } catch (e) {
    // "requestPayment:fail cancel" when the cashier was closed; anything else is the reason it could not pay.
    const deposit = await api.deposit(id);
    return Object.assign(deposit, { cancelled: /cancel/.test(e.errMsg || '') });
  }
  let deposit = null;
  for (const wait of LOOKS) {
    await sleep(wait);
    deposit = await api.deposit(id);
    if (deposit.state === 'paid') break;
  }
  return deposit;
}

module.exports = { pay };
