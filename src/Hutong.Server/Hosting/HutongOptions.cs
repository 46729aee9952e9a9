using System.ComponentModel.DataAnnotations;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong</c>: settings of the node as a whole.</summary>
public sealed record HutongOptions
{
    public const string Section = "Hutong";

    /// <summary>Where the SQLite database and media live; relative paths start at the working directory.</summary>
    [Required]
    public string DataDirectory { get; init; } = "./data";
}
