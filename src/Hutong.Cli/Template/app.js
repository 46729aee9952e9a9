App({
  onLaunch(options) {
    // Runs once when the mini-program starts; options.scene and options.query tell how it was opened.
    this.globalData.launchedAt = Date.now();
  },

  globalData: {
    launchedAt: 0
  }
});
