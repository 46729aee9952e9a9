using Hutong.Contracts.Social;

namespace Hutong.Web.Moments;

/// <summary>
/// A list of posts as a page shows them (the timeline, an album), newest first, with the cursor of the next page. A
/// page read for "load more" after the list was read again from the top (a newer first page) is dropped: it continues
/// a list that is gone.
/// </summary>
public sealed class PostFeed
{
    private readonly List<PostInfo> _posts = [];
    private int _generation;

    public IReadOnlyList<PostInfo> Posts => _posts;

    /// <summary>Where the next page starts; null at the end.</summary>
    public string? Next { get; private set; }

    /// <summary>True once the first page came.</summary>
    public bool Loaded { get; private set; }

    public bool LoadingMore { get; internal set; }

    /// <summary>Which reading of the list a "load more" continues.</summary>
    internal int Generation => _generation;

    internal void Reset(PostPage page)
    {
        _generation++;
        _posts.Clear();
        _posts.AddRange(page.Posts);
        Next = page.NextCursor;
        Loaded = true;
    }

    /// <summary>The page after the last; false when it continues an older reading and was dropped.</summary>
    internal bool Append(PostPage page, int generation)
    {
        if (generation != _generation)
        {
            return false;
        }

        var held = _posts.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        _posts.AddRange(page.Posts.Where(p => !held.Contains(p.Id)));
        Next = page.NextCursor;
        return true;
    }

    /// <summary>A post just made: first, unless a reading already brought it.</summary>
    internal void Prepend(PostInfo post)
    {
        if (!Replace(post))
        {
            _posts.Insert(0, post);
        }
    }

    internal bool Replace(PostInfo post)
    {
        var at = _posts.FindIndex(p => p.Id == post.Id);
        if (at < 0)
        {
            return false;
        }

        _posts[at] = post;
        return true;
    }

    internal bool Remove(string postId) => _posts.RemoveAll(p => p.Id == postId) > 0;

    internal PostInfo? Find(string postId) => _posts.Find(p => p.Id == postId);
}
