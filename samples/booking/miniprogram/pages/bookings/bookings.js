const api = require('../../utils/api.js');
const deposits = require('../../utils/deposit.js');

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
    const paid = booking.deposit && booking.deposit.state === 'paid';
    const { confirm } = await wx.showModal({
      title: 'Cancel this booking?',
      content: booking.serviceName + ' on ' + booking.day + ' at ' + booking.time + ' will be free for others.'
        + (paid ? ' Your deposit of ' + booking.deposit.amountText + ' is refunded.' : ''),
      confirmText: 'Cancel it',
      cancelText: 'Keep it',
    });
    if (!confirm) return;
    try {
      await api.cancel(booking.id);
      wx.showToast({ title: paid ? 'Cancelled, deposit refunded' : 'Cancelled', icon: 'success' });
      this.load();
    } catch (e) {
      this.setData({ error: e.message });
    }
  },

  // A deposit left unpaid when booking (the cashier closed, say): paid now, and shown paid once the backend says so.
  async onPay(event) {
    if (this.paying) return;
    this.paying = true;
    try {
      const deposit = await deposits.pay(event.currentTarget.dataset.id);
      if (deposit.state === 'paid') wx.showToast({ title: 'Deposit paid', icon: 'success' });
    } catch (e) {
      this.setData({ error: e.message });
    } finally {
      this.paying = false;
      this.load();
    }
  },

  onServices() {
    wx.switchTab({ url: '/pages/services/services' });
  },
});
