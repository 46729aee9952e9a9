// The backend's API. The first call signs in: wx.login's code goes to POST /api/session, where the backend exchanges
// it at /sns/jscode2session with the app secret and answers with a session token of its own. The token is kept in
// storage and sent with every call; a 401 (the session ended) signs in once more and repeats the call.
const { backend } = require('./config.js');

const SESSION_KEY = 'session';
let session = wx.getStorageSync(SESSION_KEY) || null;
let signingIn = null;

function send(method, path, data) {
  const header = { 'Content-Type': 'application/json' };
  if (session) header.Authorization = 'Bearer ' + session.token;
  return new Promise((resolve, reject) => {
    wx.request({
      url: backend + path,
      method,
      data,
      header,
      success: resolve,
      fail: (res) => reject(new ApiError(0, 'The studio cannot be reached (' + res.errMsg + ').')),
    });
  });
}

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// The body of an error answer is a problem (RFC 9457): its title says what went wrong, the errors name the fields.
function problem(res) {
  const body = typeof res.data === 'string' ? safeParse(res.data) : res.data;
  const fields = body && body.errors ? Object.values(body.errors).flat() : [];
  return new ApiError(res.statusCode, fields[0] || (body && body.title) || 'The studio answered ' + res.statusCode + '.');
}

function safeParse(text) {
  try { return JSON.parse(text); } catch (e) { return null; }
}

async function signIn() {
  const { code } = await wx.login();
  session = null;
  const res = await send('POST', '/api/session', { code });
  if (res.statusCode !== 200) throw problem(res);
  session = res.data;
  wx.setStorageSync(SESSION_KEY, session);
}

function ensureSession() {
  if (session && Date.parse(session.expiresAt) > Date.now()) return Promise.resolve();
  // Pages that load together share one sign-in.
  if (!signingIn) signingIn = signIn().finally(() => { signingIn = null; });
  return signingIn;
}

async function call(method, path, data) {
  await ensureSession();
  let res = await send(method, path, data);
  if (res.statusCode === 401) {
    session = null;
    await ensureSession();
    res = await send(method, path, data);
  }
  if (res.statusCode >= 400) throw problem(res);
  return res.data;
}

module.exports = {
  ApiError,
  services: () => call('GET', '/api/services').then((r) => r.services),
  slots: (service, day) => call('GET', '/api/slots', day ? { service, day } : { service }),
  book: (booking) => call('POST', '/api/bookings', booking),
  bookings: () => call('GET', '/api/bookings').then((r) => r.bookings),
  cancel: (id) => call('DELETE', '/api/bookings/' + id),
  // A booking's deposit: the parameters of wx.requestPayment to pay it, and how it stands.
  depositPayment: (id) => call('POST', '/api/bookings/' + id + '/deposit'),
  deposit: (id) => call('GET', '/api/bookings/' + id + '/deposit'),
  reminderTemplate: () => call('GET', '/api/templates').then((r) => r.reminder),
};
