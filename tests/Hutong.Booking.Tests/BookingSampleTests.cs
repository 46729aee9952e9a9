using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.Packages;
using Hutong.Testing;

namespace Hutong.Booking.Tests;

/// <summary>
/// The booking sample (samples/booking) against a real node: its mini-program compiles and is released, and its
/// backend, with nothing but the README's settings, signs people in with their login codes, books slots once each,
/// and sends the reminder into a person's service notices when they accepted it.
/// </summary>
public sealed class BookingSampleTests(BookingNode node) : IClassFixture<BookingNode>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void MiniProgram_CompilesWithThePlatformsCompiler()
    {
        var compiled = PackageCompiler.Compile(SampleFolder.Files());

        var config = JsonNode.Parse(compiled.AppJson)!;
        Assert.Equal(
            ["pages/services/services", "pages/slots/slots", "pages/book/book", "pages/bookings/bookings"],
            config["pages"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["Services", "My bookings"], config["tabBar"]!["list"]!.AsArray().Select(t => (string)t!["text"]!));
        Assert.Contains("utils/api.js", compiled.LogicJs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MiniProgram_UploadsAndIsReleased()
    {
        var version = (await node.ReleaseSampleAsync()).Version;

        Assert.Equal(4, version.Pages.Count);
    }

    [Fact]
    public async Task Session_FromALoginCode_AndTheSameCodeAgainIsRefused()
    {
        var (app, backend) = await StartAsync();
        await using var _ = backend;
        var person = await TestUser.CreateAsync(app, "mei");
        var code = (await person.Client.GetMiniProgramLoginCodeAsync(backend.AppId, Ct)).Code;
        using var http = backend.Factory.Anonymous();

        using var first = await http.PostAsJsonAsync("/api/session", new JsonObject { ["code"] = code }, Ct);
        using var again = await http.PostAsJsonAsync("/api/session", new JsonObject { ["code"] = code }, Ct);
        using var none = await http.PostAsJsonAsync("/api/session", new JsonObject(), Ct);
        using var unsigned = await http.GetAsync("/api/services", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var session = JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.Equal(["token", "expiresAt"], session.Select(p => p.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        var refused = JsonNode.Parse(await again.Content.ReadAsStringAsync(Ct))!;
        Assert.Contains("40163", (string)refused["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task ServicesAndSlots_FollowTheStudiosDay()
    {
        var (app, backend) = await StartAsync();
        await using var _ = backend;
        using var mei = await backend.Factory.SignInAsync(await TestUser.CreateAsync(app, "mei"));

        var services = (await GetAsync(mei, "/api/services"))["services"]!.AsArray();
        Assert.Equal(
            ["Foot massage 60 ¥168", "Back and shoulders 45 ¥128", "Full body 90 ¥238"],
            services.Select(s => $"{s!["name"]} {s["minutes"]} {s["priceText"]}"));

        var today = await GetAsync(mei, "/api/slots?service=1");
        Assert.Equal("2026-12-05", (string)today["day"]!);
        Assert.Equal(7, today["days"]!.AsArray().Count);
        Assert.Equal(["10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00", "20:00"], Times(today));
        Assert.All(today["slots"]!.AsArray(), s => Assert.True((bool)s!["available"]!));
        // A 90-minute treatment ends by closing time (21:00): its last start is 19:00.
        Assert.Equal("19:00", Times(await GetAsync(mei, "/api/slots?service=3&day=2026-12-06"))[^1]);

        backend.Factory.Clock.Advance(TimeSpan.FromMinutes(90));
        var later = await GetAsync(mei, "/api/slots?service=1");
        Assert.False((bool)later["slots"]![0]!["available"]!);
        Assert.True((bool)later["slots"]![1]!["available"]!);

        using var pastDay = await mei.GetAsync("/api/slots?service=1&day=2026-12-04", Ct);
        using var noService = await mei.GetAsync("/api/slots?service=9", Ct);
        using var begun = await mei.PostAsJsonAsync("/api/bookings", Book(1, "2026-12-05", "10:00"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, pastDay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noService.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, begun.StatusCode);
    }

    [Fact]
    public async Task ASlot_IsBookedOnce_AndCancellingFreesIt()
    {
        var (app, backend) = await StartAsync();
        await using var _ = backend;
        using var mei = await backend.Factory.SignInAsync(await TestUser.CreateAsync(app, "mei"));
        using var lin = await backend.Factory.SignInAsync(await TestUser.CreateAsync(app, "lin"));

        using var booked = await mei.PostAsJsonAsync("/api/bookings", Book(2, "2026-12-06", "15:00", note: "Mind the left shoulder"), Ct);
        using var taken = await lin.PostAsJsonAsync("/api/bookings", Book(2, "2026-12-06", "15:00"), Ct);
        using var otherService = await lin.PostAsJsonAsync("/api/bookings", Book(1, "2026-12-06", "15:00"), Ct);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = JsonNode.Parse(await booked.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("Back and shoulders", "2026-12-06", "15:00", false), ((string)booking["serviceName"]!, (string)booking["day"]!, (string)booking["time"]!, (bool)booking["reminded"]!));
        // Without WeChatPay settings the studio takes no deposit.
        Assert.Null(booking["deposit"]);
        Assert.Null(booking["payment"]);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("This slot has just been taken.", (string)JsonNode.Parse(await taken.Content.ReadAsStringAsync(Ct))!["title"]!);
        Assert.Equal(HttpStatusCode.Created, otherService.StatusCode);

        var mine = (await GetAsync(mei, "/api/bookings"))["bookings"]!.AsArray();
        Assert.Equal("Mind the left shoulder", (string)Assert.Single(mine)!["note"]!);
        Assert.False(Available(await GetAsync(lin, "/api/slots?service=2&day=2026-12-06"), "15:00"));

        var id = (long)booking["id"]!;
        using var notLins = await lin.DeleteAsync($"/api/bookings/{id}", Ct);
        using var cancelled = await mei.DeleteAsync($"/api/bookings/{id}", Ct);
        using var twice = await mei.DeleteAsync($"/api/bookings/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, notLins.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);

        Assert.Empty((await GetAsync(mei, "/api/bookings"))["bookings"]!.AsArray());
        Assert.True(Available(await GetAsync(lin, "/api/slots?service=2&day=2026-12-06"), "15:00"));
        using var rebooked = await lin.PostAsJsonAsync("/api/bookings", Book(2, "2026-12-06", "15:00"), Ct);
        Assert.Equal(HttpStatusCode.Created, rebooked.StatusCode);
    }

    [Fact]
    public async Task WithConsent_TheReminderLandsInTheServiceNotices()
    {
        var (app, backend) = await StartAsync();
        await using var _ = backend;
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = await backend.Factory.SignInAsync(mei);
        var templateId = (string)(await GetAsync(http, "/api/templates"))["reminder"]!;

        // What wx.requestSubscribeMessage does when she taps Allow: one consent to this template.
        var answer = await mei.Client.SubscribeMiniProgramMessagesAsync(backend.AppId, [templateId], [], Ct);
        Assert.Equal("accept", answer.Results[templateId]);
        using var booked = await http.PostAsJsonAsync("/api/bookings", Book(3, "2026-12-07", "11:00", remind: true), Ct);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.True((bool)JsonNode.Parse(await booked.Content.ReadAsStringAsync(Ct))!["reminded"]!);
        Assert.True((bool)(await GetAsync(http, "/api/bookings"))["bookings"]![0]!["reminded"]!);
        var notice = Assert.Single((await mei.Client.GetServiceNoticesAsync(Ct)).Notices);
        Assert.Equal(("Booking reminder", backend.AppId, "pages/bookings/bookings"), (notice.Title, notice.AppId, notice.Page));
        Assert.Equal(
            [new ServiceNoticeField("Service", "Full body"), new ServiceNoticeField("Time", "2026-12-07 11:00"), new ServiceNoticeField("Place", "Lotus Massage Studio")],
            notice.Fields);
    }

    [Fact]
    public async Task WithoutConsent_NothingIsSent_AndTheBookingStands()
    {
        var (app, backend) = await StartAsync();
        await using var _ = backend;
        var lin = await TestUser.CreateAsync(app, "lin");
        using var http = await backend.Factory.SignInAsync(lin);
        var templateId = (string)(await GetAsync(http, "/api/templates"))["reminder"]!;

        // Asked to remind without a consent: the platform refuses (43101), the booking stands.
        using var refused = await http.PostAsJsonAsync("/api/bookings", Book(1, "2026-12-06", "10:00", remind: true), Ct);
        // A consent, but the person said no reminder for this one: nothing is sent, and the consent is kept.
        await lin.Client.SubscribeMiniProgramMessagesAsync(backend.AppId, [templateId], [], Ct);
        using var unasked = await http.PostAsJsonAsync("/api/bookings", Book(1, "2026-12-06", "11:00", remind: false), Ct);

        Assert.Equal(HttpStatusCode.Created, refused.StatusCode);
        Assert.False((bool)JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!["reminded"]!);
        Assert.Equal(HttpStatusCode.Created, unasked.StatusCode);
        Assert.Equal(2, (await GetAsync(http, "/api/bookings"))["bookings"]!.AsArray().Count);
        Assert.Empty((await lin.Client.GetServiceNoticesAsync(Ct)).Notices);
    }

    [Fact]
    public async Task ReminderTemplate_IsAddedOnce_AndFoundAgainByTheNextBackend()
    {
        var (app, backend) = await StartAsync();
        await using var _ = backend;
        using var first = await backend.Factory.SignInAsync(await TestUser.CreateAsync(app, "mei"));
        var templateId = (string)(await GetAsync(first, "/api/templates"))["reminder"]!;

        await using var restarted = new BookingBackend(app, backend.AppId, backend.Secret);
        using var second = await restarted.SignInAsync(await TestUser.CreateAsync(app, "lin"));

        Assert.Equal(templateId, (string)(await GetAsync(second, "/api/templates"))["reminder"]!);
    }

    private async Task<(HutongApp App, Started Backend)> StartAsync()
    {
        var app = await node.StartAsync();
        var (appId, secret, _, _) = await node.ReleaseSampleAsync();
        return (app, new Started(appId, secret, new BookingBackend(app, appId, secret)));
    }

    private static JsonObject Book(int service, string day, string time, string? note = null, bool remind = false) => new()
    {
        ["service"] = service,
        ["day"] = day,
        ["time"] = time,
        ["name"] = "Mei",
        ["note"] = note,
        ["remind"] = remind,
    };

    private static async Task<JsonObject> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static List<string> Times(JsonObject slots) => [.. slots["slots"]!.AsArray().Select(s => (string)s!["time"]!)];

    private static bool Available(JsonObject slots, string time) =>
        (bool)slots["slots"]!.AsArray().Single(s => (string)s!["time"]! == time)!["available"]!;

    private sealed record Started(string AppId, string Secret, BookingBackend Factory) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }
}
