using System.Globalization;
using System.Security.Claims;
using Booking.Payments;
using Booking.Platform;
using Booking.Sessions;
using Booking.Settings;
using Booking.Store;
using Booking.Studio;
using Booking.WeChatPay;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Booking.Api;

/// <summary>
/// The JSON API the mini-program calls through <c>wx.request</c>: a session from a login code, then, with its token,
/// the services, their slots, the person's bookings (with their deposits) and the reminder template's id.
/// </summary>
internal static class BookingApi
{
    private const int MaxName = 30;
    private const int MaxNote = 200;

    public static IEndpointRouteBuilder MapBookingApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", SignInAsync);

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/services", ServicesAsync);
        api.MapGet("/slots", SlotsAsync);
        api.MapGet("/templates", async (ReminderTemplate reminder, CancellationToken ct) => TypedResults.Ok(new TemplateIds(await reminder.GetIdAsync(ct))));
        api.MapGet("/bookings", async (ClaimsPrincipal user, BookingStore store, CancellationToken ct) =>
            TypedResults.Ok(new BookingList([.. (await store.BookingsOfAsync(user.OpenId(), ct)).Select(b => Info(b, b.Reminded))])));
        api.MapPost("/bookings", BookAsync);
        api.MapDelete("/bookings/{id:long}", CancelAsync);
        api.MapDepositApi();
        app.MapNotifyEndpoint();
        return app;
    }

    /// <summary>
    /// Exchanges the login code at <c>/sns/jscode2session</c> with the app secret, and answers with a session of this
    /// backend's own: the openid and the session key stay here. A code the platform refuses (used, expired, another
    /// app's) is a 401 carrying the platform's <c>errmsg</c>.
    /// </summary>
    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SessionRequest request, PlatformClient platform, BookingStore store, IOptions<StudioOptions> options, TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 256)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["The code from wx.login is required."] });
        }

        var logger = logs.CreateLogger(typeof(BookingApi));
        Code2SessionResponse answer;
        try
        {
            answer = await platform.Code2SessionAsync(request.Code, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem("The platform could not be reached to check the login.", statusCode: StatusCodes.Status502BadGateway);
        }

        if (answer is not { ErrCode: 0, OpenId: { Length: > 0 } openId })
        {
            logger.CodeRefused(answer.ErrCode, answer.ErrMsg);
            return TypedResults.Problem(
                title: answer.ErrMsg ?? "The login code was refused.",
                detail: string.Create(CultureInfo.InvariantCulture, $"jscode2session answered errcode {answer.ErrCode}. Call wx.login again for a new code."),
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = SessionTokens.New();
        var now = time.GetUtcNow();
        var expires = now + options.Value.SessionLifetime;
        await store.AddSessionAsync(SessionTokens.Hash(token), openId, now, expires, cancellationToken);
        logger.SignedIn(openId);
        return TypedResults.Ok(new SessionResponse(token, expires));
    }

    private static async Task<Ok<ServiceList>> ServicesAsync(BookingStore store, Deposits deposits, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ServiceList([.. (await store.ServicesAsync(cancellationToken)).Select(s =>
            new ServiceInfo(s.Id, s.Name, s.Minutes, s.Price, PriceText(s.Price), deposits.Enabled ? PriceText(deposits.AmountFor(s)) : null))]));

    /// <summary>A service's slots on a day (today when none is given): taken and begun ones are not available.</summary>
    private static async Task<Results<Ok<SlotList>, ValidationProblem, NotFound<ProblemDetails>>> SlotsAsync(
        int service, string? day, BookingStore store, Timetable timetable, CancellationToken cancellationToken)
    {
        if (await store.ServiceAsync(service, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "There is no such service.", Status = StatusCodes.Status404NotFound });
        }

        var days = timetable.Days();
        var date = days[0];
        if (day is not null && (!Timetable.TryParseDay(day, out date) || !days.Contains(date)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["day"] = [$"day is one of the next {days.Count} days, as {Timetable.Day(days[0])}."],
            });
        }

        var taken = await store.TakenAsync(found.Id, Timetable.Day(date), cancellationToken);
        var slots = timetable.Starts(found.Minutes)
            .Select(start => new SlotInfo(Timetable.Time(start), !taken.Contains(Timetable.SlotKey(date, start)) && timetable.IsOpen(date, start, found.Minutes)))
            .ToList();
        return TypedResults.Ok(new SlotList(found.Id, Timetable.Day(date), [.. days.Select(Timetable.Day)], slots));
    }

    /// <summary>
    /// Books a slot for the person; 409 when someone holds it already. With consent, the reminder goes at once. When the
    /// studio takes deposits, the deposit's order is made and the answer carries what <c>wx.requestPayment</c> needs.
    /// </summary>
    private static async Task<Results<Created<BookingInfo>, ValidationProblem, Conflict<ProblemDetails>>> BookAsync(
        BookRequest request, ClaimsPrincipal user, BookingStore store, Timetable timetable, Reminders reminders, Deposits deposits, TimeProvider time,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var service = await store.ServiceAsync(request.Service, cancellationToken);
        if (service is null)
        {
            errors["service"] = ["There is no such service."];
        }

        var day = default(DateOnly);
        var start = default(TimeOnly);
        if (!Timetable.TryParseDay(request.Day, out day) || !Timetable.TryParseTime(request.Time, out start)
            || (service is not null && !timetable.IsOpen(day, start, service.Minutes)))
        {
            errors["time"] = ["This time cannot be booked: choose one of the open slots."];
        }

        var name = (request.Name ?? "").Trim();
        if (name.Length is 0 or > MaxName)
        {
            errors["name"] = [$"Your name is 1 to {MaxName} characters."];
        }

        var note = (request.Note ?? "").Trim();
        if (note.Length > MaxNote)
        {
            errors["note"] = [$"The note is at most {MaxNote} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var openId = user.OpenId();
        var booking = await store.AddBookingAsync(openId, service!, Timetable.SlotKey(day, start), name, note, time.GetUtcNow(), cancellationToken);
        if (booking is null)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Title = "This slot has just been taken.",
                Detail = $"{service!.Name} at {Timetable.SlotKey(day, start)} is booked already. Choose another time.",
                Status = StatusCodes.Status409Conflict,
            });
        }

        var logger = logs.CreateLogger(typeof(BookingApi));
        logger.Booked(booking.Id, service!.Name, booking.StartsAt, openId);
        var reminded = request.Remind && await reminders.SendAsync(booking, cancellationToken);
        RequestPayment? payment = null;
        if (deposits.Enabled)
        {
            try
            {
                payment = await deposits.OrderAsync(booking, cancellationToken);
            }
            catch (Exception e) when (e is WeChatPayException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The booking stands with its deposit unpaid; paying it from My bookings orders it again.
                logger.DepositFailed(booking.Id, e);
            }

            booking = await store.BookingOfAsync(openId, booking.Id, cancellationToken) ?? booking;
        }

        return TypedResults.Created($"/api/bookings/{booking.Id}", Info(booking, reminded) with { Payment = payment });
    }

    /// <summary>
    /// Cancels one of the person's bookings, which frees its slot. Its deposit's order is closed first when unpaid, or
    /// the deposit refunded when paid; if the payment platform cannot do that now, the booking stands (502).
    /// </summary>
    private static async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> CancelAsync(
        long id, ClaimsPrincipal user, BookingStore store, Deposits deposits, TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var openId = user.OpenId();
        var logger = logs.CreateLogger(typeof(BookingApi));
        if (await store.BookingOfAsync(openId, id, cancellationToken) is not { } booking)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "You have no such booking.", Status = StatusCodes.Status404NotFound });
        }

        if (deposits.Enabled)
        {
            try
            {
                await deposits.SettleAsync(booking, cancellationToken);
            }
            catch (Exception e) when (e is WeChatPayException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.DepositFailed(booking.Id, e);
                return TypedResults.Problem(
                    "The deposit could not be refunded just now, so the booking stands. Please try again in a moment.", statusCode: StatusCodes.Status502BadGateway);
            }
        }

        if (!await store.CancelAsync(openId, id, time.GetUtcNow(), cancellationToken))
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "You have no such booking.", Status = StatusCodes.Status404NotFound });
        }

        logger.Cancelled(id, openId);
        return TypedResults.NoContent();
    }

    internal static BookingInfo Info(BookingRecord booking, bool reminded) => new(
        booking.Id, booking.Service.Id, booking.Service.Name, booking.Service.Minutes, PriceText(booking.Service.Price),
        booking.StartsAt[..10], booking.StartsAt[11..], booking.Name, booking.Note, reminded, DepositApi.Info(booking.Deposit));

    /// <summary>¥168, or ¥12.50 when there are fen.</summary>
    internal static string PriceText(int fen) =>
        "¥" + (fen % 100 == 0 ? (fen / 100).ToString(CultureInfo.InvariantCulture) : (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture));
}
