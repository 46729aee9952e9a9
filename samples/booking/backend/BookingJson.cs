using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Api;
using Booking.Platform;
using Booking.WeChatPay;

namespace Booking;

/// <summary>The JSON of the API and of the platform calls, serialised without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionRequest))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(ServiceList))]
[JsonSerializable(typeof(SlotList))]
[JsonSerializable(typeof(BookRequest))]
[JsonSerializable(typeof(BookingInfo))]
[JsonSerializable(typeof(BookingList))]
[JsonSerializable(typeof(TemplateIds))]
[JsonSerializable(typeof(DepositInfo))]
[JsonSerializable(typeof(RequestPayment))]
[JsonSerializable(typeof(NotifyFailure))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(Code2SessionResponse))]
[JsonSerializable(typeof(TemplateListResponse))]
[JsonSerializable(typeof(AddTemplateRequest))]
[JsonSerializable(typeof(AddTemplateResponse))]
[JsonSerializable(typeof(SubscribeMessage))]
[JsonSerializable(typeof(PlatformResult))]
internal sealed partial class BookingJson : JsonSerializerContext;
