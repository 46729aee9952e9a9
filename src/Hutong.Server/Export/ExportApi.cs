using System.Security.Claims;
using System.Text.Json;
using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Accounts.Sessions;
using Hutong.Chat;
using Hutong.Contracts;
using Hutong.Core.Http;
using Hutong.Social.Moments;
using Hutong.Social.Status;
using Hutong.Wallet;

namespace Hutong.Server.Export;

/// <summary>
/// <c>GET /api/v1/me/export</c>: the caller's own data as one JSON file: profile, devices, friends (with the caller's
/// remarks and tags), blocks, the messages they sent in every chat they are in, and their wallet's history. It reads
/// across features, so it lives with the host that has them all. Streamed page by page: a long history never sits
/// in memory whole.
/// </summary>
internal static class ExportApi
{
    private const int Page = 200;

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/export", ExportAsync).WithTags("Accounts").RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    private static async Task ExportAsync(
        HttpContext http, ClaimsPrincipal user, AccountService accounts, SessionService sessions, ContactService contacts,
        ChatService chat, WalletService wallet, MomentsService moments, StatusService statuses, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var mine = Core.Ids.Format(me);
        var account = (await accounts.GetAsync(me, cancellationToken)).Value;
        var json = HutongJsonContext.Default;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"hutong-{account.Handle}-{clock.GetUtcNow():yyyyMMdd}.json\"";
        http.Response.Headers.CacheControl = "no-store";

        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", "hutong-export/1");
        writer.WriteString("exportedAt", clock.GetUtcNow());
        writer.WritePropertyName("profile");
        JsonSerializer.Serialize(writer, AccountService.ToPublicProfile(account), json.PublicProfile);
        writer.WriteString("createdAt", account.CreatedAt);
        writer.WritePropertyName("devices");
        JsonSerializer.Serialize(writer, await sessions.ListDevicesAsync(me, user.DeviceId(), cancellationToken), json.DeviceList);

        writer.WriteStartArray("friends");
        for (string? cursor = null; ;)
        {
            var friends = (await contacts.ListFriendsAsync(me, Page, cursor, cancellationToken)).Value;
            foreach (var friend in friends.Friends)
            {
                JsonSerializer.Serialize(writer, friend, json.FriendInfo);
            }

            await writer.FlushAsync(cancellationToken);
            if ((cursor = friends.NextCursor) is null)
            {
                break;
            }
        }

        writer.WriteEndArray();
        writer.WritePropertyName("blocked");
        JsonSerializer.Serialize(writer, await contacts.ListBlocksAsync(me, cancellationToken), json.BlockList);

        writer.WriteStartArray("conversations");
        foreach (var conversation in (await chat.ListAsync(me, cancellationToken)).Conversations)
        {
            writer.WriteStartObject();
            writer.WriteString("conversationId", conversation.ConversationId);
            writer.WriteString("kind", conversation.Kind);
            writer.WriteString("name", conversation.Name);
            writer.WriteStartArray("messagesSent");
            var id = Guid.Parse(conversation.ConversationId);
            for (long after = 0; after < conversation.LastSeq;)
            {
                var page = await chat.ReadMessagesAsync(me, id, after, null, Page, cancellationToken);
                if (!page.IsSuccess || page.Value.Messages.Count == 0)
                {
                    break;
                }

                foreach (var message in page.Value.Messages.Where(m => m.SenderId == mine))
                {
                    JsonSerializer.Serialize(writer, message, json.MessageInfo);
                }

                after = page.Value.Messages[^1].Seq;
                await writer.FlushAsync(cancellationToken);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("walletEntries");
        for (string? cursor = null; ;)
        {
            var entries = (await wallet.ListAsync(me, cursor, Page, cancellationToken)).Value;
            foreach (var entry in entries.Entries)
            {
                JsonSerializer.Serialize(writer, entry, json.WalletEntry);
            }

            await writer.FlushAsync(cancellationToken);
            if ((cursor = entries.NextCursor) is null)
            {
                break;
            }
        }

        writer.WriteEndArray();

        writer.WriteStartArray("momentsPosts");
        for (string? cursor = null; ;)
        {
            var posts = (await moments.AlbumAsync(me, me, MomentsService.MaxPageSize, cursor, cancellationToken)).Value;
            foreach (var post in posts.Posts)
            {
                JsonSerializer.Serialize(writer, post, json.PostInfo);
            }

            await writer.FlushAsync(cancellationToken);
            if ((cursor = posts.NextCursor) is null)
            {
                break;
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("statuses");
        foreach (var status in (await statuses.BoardAsync(me, cancellationToken)).Mine?.Statuses ?? [])
        {
            JsonSerializer.Serialize(writer, status, json.StatusInfo);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
