using System.Text.RegularExpressions;

namespace Booking.Platform;

/// <summary>
/// The app's reminder template: "Booking reminder" (library <c>tid</c> 1001) with Service (<c>thing1</c>), Time
/// (<c>time2</c>) and Place (<c>thing3</c>). Found among the app's templates, or added once; its id is kept here and
/// handed to the mini-program for <c>wx.requestSubscribeMessage</c>.
/// </summary>
internal sealed partial class ReminderTemplate(PlatformClient platform, ILogger<ReminderTemplate> logger) : IDisposable
{
    /// <summary>The library template; on WeChat pick one with the same fields in the console and put its tid here.</summary>
    public const int Tid = 1001;

    private static readonly int[] KidList = [1, 2, 3];
    private static readonly string[] Keys = ["thing1", "thing3", "time2"];

    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _id;

    /// <summary>The template id, or null (and logged) while the platform cannot be reached or refuses.</summary>
    public async Task<string?> GetIdAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _id) is { } known)
        {
            return known;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_id is { } found)
            {
                return found;
            }

            var id = await FindAsync(cancellationToken) ?? await AddAsync(cancellationToken);
            Volatile.Write(ref _id, id);
            return id;
        }
        catch (Exception e) when (e is HttpRequestException or PlatformException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.TemplateUnavailable(e);
            return null;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task<string?> FindAsync(CancellationToken cancellationToken)
    {
        var list = await platform.TemplatesAsync(cancellationToken);
        if (list.ErrCode != 0)
        {
            throw new PlatformException(list.ErrCode, list.ErrMsg);
        }

        // A restart, or a second backend of the same app, finds the one added before instead of adding another.
        var mine = list.Data?.FirstOrDefault(t => t.Content is { } content
            && FieldKey().Matches(content).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).SequenceEqual(Keys));
        if (mine is not null)
        {
            logger.TemplateFound(mine.PriTmplId);
        }

        return mine?.PriTmplId;
    }

    private async Task<string> AddAsync(CancellationToken cancellationToken)
    {
        var added = await platform.AddTemplateAsync(new AddTemplateRequest(Tid, KidList, "Reminds you of a booking at the studio"), cancellationToken);
        if (added is not { ErrCode: 0, PriTmplId: { Length: > 0 } id })
        {
            throw new PlatformException(added.ErrCode, added.ErrMsg);
        }

        logger.TemplateAdded(id);
        return id;
    }

    [GeneratedRegex(@"\{\{(\w+)\.DATA\}\}")]
    private static partial Regex FieldKey();
}
