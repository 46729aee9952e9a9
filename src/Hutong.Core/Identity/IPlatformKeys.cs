namespace Hutong.Core.Identity;

/// <summary>
/// Named secrets the whole platform shares (the key openids are derived under), made once on first use and kept in the
/// database so every node derives the same ids. Implemented by Hutong.Storage.
/// </summary>
public interface IPlatformKeys
{
    /// <summary>The key of that name, 32 random bytes created by whichever node asks first.</summary>
    Task<byte[]> GetAsync(string name, CancellationToken cancellationToken);
}
