using Hutong.Contracts.Chat;
using Hutong.Core.Errors;

namespace Hutong.Chat.Media;

/// <summary>
/// What an upload is meant as (docs/api.md, <c>POST /api/v1/media?as=&amp;maxSeconds=</c>): a readable image, a
/// readable video of at most <see cref="MaxDuration"/>, or (<see cref="Any"/>) whatever file it is.
/// </summary>
public sealed record UploadExpectation(string? Kind, TimeSpan? MaxDuration = null)
{
    /// <summary>The longest <c>maxSeconds</c> a client may name: a day.</summary>
    public const int MaxSeconds = 86_400;

    public static readonly UploadExpectation Any = new(Kind: null);

    public static readonly UploadExpectation Image = new(MediaUploadKinds.Image);

    public static UploadExpectation Video(TimeSpan? maxDuration = null) => new(MediaUploadKinds.Video, maxDuration);

    /// <summary>The query's <c>as</c> and <c>maxSeconds</c>, or a validation failure naming each bad one.</summary>
    public static Result<UploadExpectation> Parse(string? @as, int? maxSeconds)
    {
        var errors = new FieldErrors();
        var kind = string.IsNullOrEmpty(@as) ? null : @as;
        if (kind is not (null or MediaUploadKinds.Image or MediaUploadKinds.Video))
        {
            errors.Add("as", $"as is {MediaUploadKinds.Image} or {MediaUploadKinds.Video}, or left out for any file.");
        }

        if (maxSeconds is not null && kind != MediaUploadKinds.Video)
        {
            errors.Add("maxSeconds", $"maxSeconds limits a video: send it with as={MediaUploadKinds.Video}.");
        }
        else if (maxSeconds is < 1 or > MaxSeconds)
        {
            errors.Add("maxSeconds", $"maxSeconds is a whole number of seconds from 1 to {MaxSeconds}.");
        }

        return errors.Any ? errors.ToError() : new UploadExpectation(kind, maxSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
    }
}
