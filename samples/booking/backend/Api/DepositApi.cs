using System.Security.Claims;
using System.Text;
using Booking.Payments;
using Booking.Sessions;
using Booking.Store;
using Booking.WeChatPay;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Api;

/// <summary>
/// Deposits: the app pays a booking's deposit (<c>POST /api/bookings/{id}/deposit</c> hands it what
/// <c>wx.requestPayment</c> needs) and asks how it stands (<c>GET</c>, which asks the platform while it is unpaid);
/// the payment platform posts its notifications to <c>/wechatpay/notify</c>.
/// </summary>
internal static class DepositApi
{
    /// <summary>WeChat Pay's notifications are a few hundred bytes.</summary>
    private const int MaxNotification = 64 * 1024;

    public static RouteGroupBuilder MapDepositApi(this RouteGroupBuilder api)
    {
        api.MapPost("/bookings/{id:long}/deposit", PayAsync);
        api.MapGet("/bookings/{id:long}/deposit", StatusAsync);
        return api;
    }

    /// <summary>
    /// The notify URL: the body is read as it came, since the signature covers exactly those bytes. A 2xx answer tells
    /// the platform to stop sending it; anything else is sent again later.
    /// </summary>
    public static IEndpointRouteBuilder MapNotifyEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/wechatpay/notify", NotifiedAsync).AllowAnonymous();
        return app;
    }

    public static DepositInfo? Info(DepositRecord? deposit) =>
        deposit is null ? null : new DepositInfo(deposit.Amount, BookingApi.PriceText(deposit.Amount), deposit.State);

    /// <summary>What <c>wx.requestPayment</c> needs to pay the booking's deposit; 409 once there is nothing left to pay.</summary>
    private static async Task<Results<Ok<RequestPayment>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> PayAsync(
        long id, ClaimsPrincipal user, BookingStore store, Deposits deposits, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (!deposits.Enabled || await store.BookingOfAsync(user.OpenId(), id, cancellationToken) is not { } booking)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "You have no such booking with a deposit.", Status = StatusCodes.Status404NotFound });
        }

        try
        {
            return await deposits.OrderAsync(booking, cancellationToken) is { } payment
                ? TypedResults.Ok(payment)
                : TypedResults.Conflict(new ProblemDetails { Title = "The deposit is paid already.", Status = StatusCodes.Status409Conflict });
        }
        catch (Exception e) when (e is WeChatPayException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logs.CreateLogger(typeof(DepositApi)).DepositFailed(id, e);
            return TypedResults.Problem("The deposit cannot be paid just now. Please try again in a moment.", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    /// <summary>The booking's deposit as it stands; an unpaid one is looked up at the platform first (its notification may not have come yet).</summary>
    private static async Task<Results<Ok<DepositInfo>, NotFound<ProblemDetails>>> StatusAsync(
        long id, ClaimsPrincipal user, BookingStore store, Deposits deposits, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (!deposits.Enabled || await store.BookingOfAsync(user.OpenId(), id, cancellationToken) is not { Deposit: not null } booking)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "You have no such booking with a deposit.", Status = StatusCodes.Status404NotFound });
        }

        var deposit = booking.Deposit;
        try
        {
            deposit = await deposits.StatusAsync(booking, cancellationToken) ?? deposit;
        }
        catch (Exception e) when (e is WeChatPayException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // What is known here is still true: unpaid, until the platform says otherwise.
            logs.CreateLogger(typeof(DepositApi)).DepositFailed(id, e);
        }

        return TypedResults.Ok(Info(deposit)!);
    }

    private static async Task<Results<NoContent, JsonHttpResult<NotifyFailure>>> NotifiedAsync(HttpContext context, Deposits deposits)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxNotification;
        }

        if (!deposits.Enabled)
        {
            return Failure(StatusCodes.Status404NotFound, "This studio takes no payments.");
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var refused = await deposits.NotifiedAsync(name => headers.TryGetValue(name, out var value) ? value.ToString() : null, body, context.RequestAborted);
        return refused is { } failure ? Failure(failure.Status, failure.Message) : TypedResults.NoContent();
    }

    private static JsonHttpResult<NotifyFailure> Failure(int status, string message) =>
        TypedResults.Json(new NotifyFailure("FAIL", message), BookingJson.Default.NotifyFailure, statusCode: status);
}
