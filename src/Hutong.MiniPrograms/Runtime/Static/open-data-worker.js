// The open data context's worker: runs the game's openDataContext folder, which may read the person's friends' and a
// group's hosted data and draw it on the shared canvas the host layers over the game. It has no network (its frame's
// CSP), no storage writes and no way to reach the game: nothing it posts goes anywhere but to its own frame and the
// host, which answers only the reads below and takes its text alternative for screen readers.
'use strict';
(() => {
  const game = self.__hutongGame;
  const { clone, asyncApi, hostApi, refused } = game;

  let launch = {};
  let sharedCanvas = null;
  const onMessage = game.listeners();

  const wx = {};
  wx.getFriendCloudStorage = hostApi('getFriendCloudStorage');
  wx.getGroupCloudStorage = hostApi('getGroupCloudStorage');
  wx.getUserCloudStorage = hostApi('getUserCloudStorage');
  wx.onMessage = onMessage.on;
  wx.offMessage = onMessage.off;
  wx.getSharedCanvas = () => sharedCanvas;
  wx.createCanvas = () => new OffscreenCanvas(300, 150);
  wx.requestAnimationFrame = game.requestAnimationFrame;
  wx.cancelAnimationFrame = game.cancelAnimationFrame;
  self.requestAnimationFrame = game.requestAnimationFrame;
  self.cancelAnimationFrame = game.cancelAnimationFrame;
  wx.createImage = game.createImage;
  game.touchApis(wx);
  wx.getSystemInfoSync = game.getSystemInfoSync;
  wx.getSystemInfo = asyncApi('getSystemInfo', () => game.getSystemInfoSync());
  wx.getWindowInfo = game.getWindowInfo;
  wx.getLaunchOptionsSync = () => ({ scene: launch.shareTicket ? 1044 : 1001, query: clone(launch.query || {}), ...(launch.shareTicket ? { shareTicket: launch.shareTicket } : {}), referrerInfo: {} });

  /**
   * Hutong's own: what the board shows, as text, for screen readers (a canvas is invisible to them). The host puts it
   * in a live region of its own page, which no part of the game can read.
   */
  wx.setAccessibleText = (text) => game.post({ type: 'accessibleText', text: String(text ?? '').slice(0, 4000) });

  // What WeChat's open data context cannot do either, said plainly instead of 'not supported'.
  const closed = 'the open data context has no network and cannot send data out';
  for (const name of ['request', 'login', 'uploadFile', 'downloadFile', 'connectSocket', 'setUserCloudStorage', 'removeUserCloudStorage',
    'setStorage', 'removeStorage', 'clearStorage', 'shareAppMessage', 'getShareInfo']) {
    wx[name] = refused(name, closed);
  }
  wx.getOpenDataContext = () => { throw new Error('getOpenDataContext: ' + closed); };

  game.exposeWx(wx);

  game.start({
    onInit(message) {
      launch = message.launch || {};
      sharedCanvas = message.canvas;
      self.sharedCanvas = sharedCanvas;
    },
    onMessage(message) {
      if (message.type === 'message') onMessage.emit('onMessage', message.data);
    },
  });
})();
