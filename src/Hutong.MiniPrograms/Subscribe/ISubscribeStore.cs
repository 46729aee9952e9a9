namespace Hutong.MiniPrograms.Subscribe;

/// <summary>Templates apps added, people's consents to them, and the notices sent. Implemented by Hutong.Storage.</summary>
public interface ISubscribeStore
{
    Task AddTemplateAsync(AppTemplate template, CancellationToken cancellationToken);

    Task<IReadOnlyList<AppTemplate>> TemplatesAsync(Guid appKey, CancellationToken cancellationToken);

    Task<bool> DeleteTemplateAsync(Guid appKey, string templateId, CancellationToken cancellationToken);

    /// <summary>One more message the person allows from the template.</summary>
    Task AddConsentAsync(Guid appKey, Guid userId, string templateId, CancellationToken cancellationToken);

    /// <summary>Uses one of the person's consents to the template; false when none is left.</summary>
    Task<bool> UseConsentAsync(Guid appKey, Guid userId, string templateId, CancellationToken cancellationToken);

    Task AddNoticeAsync(Notice notice, CancellationToken cancellationToken);

    /// <summary>The person's notices, newest first.</summary>
    Task<IReadOnlyList<Notice>> NoticesAsync(Guid userId, int take, CancellationToken cancellationToken);
}

/// <summary>A template an app added from the library: its own id, and the keywords it kept, in order.</summary>
public sealed record AppTemplate(string TemplateId, Guid AppKey, int Tid, string Title, IReadOnlyList<LibraryKeyword> Keywords, string SceneDesc, DateTimeOffset CreatedAt);

/// <summary>A service notice as kept: the template's title and the fields filled in.</summary>
public sealed record Notice(Guid Id, Guid UserId, Guid AppKey, string Title, IReadOnlyList<(string Name, string Value)> Fields, string? Page, DateTimeOffset At);
