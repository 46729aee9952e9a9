const api = require('../../utils/api.js');

Page({
  data: {
    services: [],
    loading: true,
    error: '',
  },

  onLoad() {
    this.load();
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    try {
      const services = await api.services();
      this.setData({ services, loading: false, error: '' });
    } catch (e) {
      this.setData({ loading: false, error: e.message });
    }
  },

  onChoose(event) {
    const service = this.data.services.find((s) => s.id === event.currentTarget.dataset.id);
    if (!service) return;
    wx.navigateTo({
      url: '/pages/slots/slots?service=' + service.id + '&name=' + encodeURIComponent(service.name)
        + '&minutes=' + service.minutes + '&price=' + encodeURIComponent(service.priceText)
        + '&deposit=' + encodeURIComponent(service.depositText || ''),
    });
  },
});
