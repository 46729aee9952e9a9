using Microsoft.AspNetCore.Components;

namespace Hutong.Web.Shared;

/// <summary>A client-side store whose state components show, and which says when that state changed.</summary>
public interface IChangeSource
{
    event Action? Changed;
}

/// <summary>
/// A component that shows what stores hold. Blazor re-renders a child only when its parameters change, not when its
/// parent re-renders, so a component that reads a store must follow the store itself: otherwise it keeps showing what
/// the store held when it opened (a friend request that arrives while "New friends" is open, a friend accepted while
/// "New group" is open).
/// </summary>
public abstract class StoreView : ComponentBase, IDisposable
{
    private readonly List<IChangeSource> _followed = [];

    /// <summary>Re-renders whenever one of these changes, until the component goes away.</summary>
    protected void Follow(params IChangeSource[] sources)
    {
        foreach (var source in sources)
        {
            source.Changed += OnChanged;
            _followed.Add(source);
        }
    }

    /// <summary>Runs on the renderer's thread when a followed store changed, just before the component re-renders.</summary>
    protected virtual void OnStoreChanged()
    {
    }

    private void OnChanged() => _ = InvokeAsync(() =>
    {
        OnStoreChanged();
        StateHasChanged();
    });

    public void Dispose()
    {
        foreach (var source in _followed)
        {
            source.Changed -= OnChanged;
        }

        _followed.Clear();
        GC.SuppressFinalize(this);
    }
}
