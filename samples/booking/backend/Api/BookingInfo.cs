using System.Text.Json.Serialization;
using Booking.WeChatPay;

namespace Booking.Api;

/// <summary>
/// A booking as the app shows it; <see cref="Reminded"/> says whether the reminder reached the person's service notices.
/// <see cref="Deposit"/> is null when the studio takes none. <see cref="Payment"/>, only in the answer that made the
/// booking, is what <c>wx.requestPayment</c> needs to pay the deposit (left out when it could not be ordered just
/// then: <c>POST /api/bookings/{id}/deposit</c> tries again).
/// </summary>
public sealed record BookingInfo(
    long Id, int Service, string ServiceName, int Minutes, string PriceText, string Day, string Time, string Name, string Note, bool Reminded,
    DepositInfo? Deposit, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RequestPayment? Payment = null);
