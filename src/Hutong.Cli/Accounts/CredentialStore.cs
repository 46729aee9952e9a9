using System.Text.Json;

namespace Hutong.Cli.Accounts;

/// <summary>
/// The saved session, in <c>credentials.json</c> of the tool's configuration folder (<c>$XDG_CONFIG_HOME/hutong</c>,
/// by default <c>~/.config/hutong</c>). On Unix the file is readable by its owner only (600), its folder 700.
/// </summary>
internal sealed class CredentialStore(string folder)
{
    public string Path { get; } = System.IO.Path.Combine(folder, "credentials.json");

    public Credentials? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var saved = JsonSerializer.Deserialize(File.ReadAllBytes(Path), CliJsonContext.Default.Credentials);
            return saved is { Server.Length: > 0, Token.Length: > 0 } ? saved : null;
        }
        catch (JsonException)
        {
            throw CliException.Usage($"{Path} is not a credentials file.", "Delete it, or run `hutong logout`, then `hutong login`.");
        }
    }

    public void Save(Credentials credentials)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(credentials, CliJsonContext.Default.Credentials);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path, bytes);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Written beside and moved over, so the token is never in a file anyone else could read, not even briefly.
        var temporary = Path + ".tmp";
        var ownerOnly = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var file = new FileStream(temporary, ownerOnly))
        {
            file.Write(bytes);
        }

        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Forgets the session; true when there was one.</summary>
    public bool Delete()
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        File.Delete(Path);
        return true;
    }
}
