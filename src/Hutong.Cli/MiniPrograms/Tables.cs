using System.Globalization;
using Hutong.Contracts.MiniPrograms;
using Spectre.Console;
using States = Hutong.Contracts.MiniPrograms.MiniProgramVersionStates;

namespace Hutong.Cli.MiniPrograms;

/// <summary>How versions and apps are shown.</summary>
internal static class Tables
{
    public static Table Versions(IEnumerable<MiniProgramVersionInfo> versions)
    {
        var table = new Table().RoundedBorder()
            .AddColumn("Version").AddColumn("State").AddColumn("Uploaded (UTC)").AddColumn(new TableColumn("Size").RightAligned())
            .AddColumn(new TableColumn("Pages").RightAligned()).AddColumn("Note").AddColumn("Review note");
        foreach (var v in versions)
        {
            table.AddRow(
                new Text(v.Version),
                new Markup($"[{StateColour(v.State)}]{Markup.Escape(v.State)}[/]"),
                new Text(v.UploadedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                new Text(Size(v.Size)),
                new Text(v.Pages.Count.ToString(CultureInfo.InvariantCulture)),
                new Text(v.Note),
                new Text(v.ReviewNote ?? ""));
        }

        return table;
    }

    public static Table Apps(IEnumerable<MiniProgramInfo> apps)
    {
        var table = new Table().RoundedBorder().AddColumn("App id").AddColumn("Name").AddColumn("Released").AddColumn("Role");
        foreach (var app in apps)
        {
            table.AddRow(app.AppId, Markup.Escape(app.Name), Markup.Escape(app.Released ?? "-"), Markup.Escape(app.Admin?.Role ?? ""));
        }

        return table;
    }

    public static string Size(long bytes) => bytes < 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private static string StateColour(string state) => state switch
    {
        States.Released => "green",
        States.Approved => "lime",
        States.Review => "yellow",
        States.Rejected => "red",
        States.Trial => "aqua",
        States.Retired => "grey",
        _ => "default",
    };
}
