const api = require('../../utils/api.js');

Page({
  data: {
    bookings: [],
    loading: true,
    error: '',
  },

  // A tab page stays alive: it loads each time it shows, so a booking just made is there.
  onShow() {
    this.load();
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    try {
      const bookings = await api.bookings();
      this.setData({ bookings, loading: false, error: '' });
    } catch (e) {
      this.setData({ loading: false, error: e.message });
    }
  },

  async onCancel(event) {
    const booking = this.data.bookings.find((b) => b.id === event.currentTarget.dataset.id);
    if (!booking) return;
    const { confirm } = await wx.showModal({
      title: 'Cancel this booking?',
      content: booking.serviceName + ' on ' + booking.day + ' at ' + booking.time + ' will be free for others.',
      confirmText: 'Cancel it',
      cancelText: 'Keep it',
    });
    if (!confirm) return;
    try {
      await api.cancel(booking.id);
      wx.showToast({ title: 'Cancelled', icon: 'success' });
      this.load();
    } catch (e) {
      this.setData({ error: e.message });
    }
  },

  onServices() {
    wx.switchTab({ url: '/pages/services/services' });
  },
});
