Page({
  data: {
    launchedAt: ''
  },

  onShow() {
    const launchedAt = new Date(getApp().globalData.launchedAt);
    this.setData({ launchedAt: launchedAt.toLocaleTimeString() });
  }
});
