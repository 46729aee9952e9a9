// Where the booking backend listens. It must be one of the app's request domains (`hutong mp new --domain ...`);
// on WeChat, an https domain set in the mini-program's console.
module.exports = {
  backend: 'http://127.0.0.1:5090',
};
