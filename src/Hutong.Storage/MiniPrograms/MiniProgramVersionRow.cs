using System.Text.Json;
using Hutong.MiniPrograms.Versions;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

internal sealed class MiniProgramVersionRow
{
    public Guid Id { get; set; }

    public Guid AppKey { get; set; }

    public required string Version { get; set; }

    public required string Note { get; set; }

    public required string State { get; set; }

    public Guid UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public long Size { get; set; }

    /// <summary>JSON list of page paths.</summary>
    public required string Pages { get; set; }

    public required string Config { get; set; }

    public required string PackageSha { get; set; }

    public required string ViewSha { get; set; }

    public required string LogicSha { get; set; }

    public required string WxsSha { get; set; }

    /// <summary>A game's open data context bundle, or null.</summary>
    public string? OpenDataSha { get; set; }

    /// <summary>JSON map of package path to SHA-256.</summary>
    public required string Assets { get; set; }

    public string? ReviewNote { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>When it was last retired, so a rollback finds the release before the current one.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public static MiniProgramVersionRow From(AppVersion v) => new()
    {
        Id = v.Id,
        AppKey = v.AppKey,
        Version = v.Version,
        Note = v.Note,
        State = v.State,
        UploadedBy = v.UploadedBy,
        UploadedAt = v.UploadedAt,
        Size = v.Size,
        Pages = JsonSerializer.Serialize([.. v.Pages], MiniProgramRowJson.Default.ListString),
        Config = v.Config,
        PackageSha = v.Code.PackageSha,
        ViewSha = v.Code.ViewSha,
        LogicSha = v.Code.LogicSha,
        WxsSha = v.Code.WxsSha,
        OpenDataSha = v.Code.OpenDataSha,
        Assets = JsonSerializer.Serialize(new Dictionary<string, string>(v.Code.Assets), MiniProgramRowJson.Default.DictionaryStringString),
        ReviewNote = v.ReviewNote,
        SubmittedAt = v.SubmittedAt,
        ReviewedAt = v.ReviewedAt,
        ReleasedAt = v.ReleasedAt,
    };

    public AppVersion ToDomain() => new(
        Id, AppKey, Version, Note, State, UploadedBy, UploadedAt, Size,
        JsonSerializer.Deserialize(Pages, MiniProgramRowJson.Default.ListString) ?? [],
        Config,
        new VersionCode(PackageSha, ViewSha, LogicSha, WxsSha, JsonSerializer.Deserialize(Assets, MiniProgramRowJson.Default.DictionaryStringString) ?? [], OpenDataSha),
        ReviewNote, SubmittedAt, ReviewedAt, ReleasedAt);

    internal sealed class Configuration : IEntityTypeConfiguration<MiniProgramVersionRow>
    {
        public void Configure(EntityTypeBuilder<MiniProgramVersionRow> row)
        {
            row.ToTable("mp_versions");
            row.HasKey(v => v.Id);
            row.HasIndex(v => new { v.AppKey, v.Version }).IsUnique();
            row.HasIndex(v => new { v.AppKey, v.UploadedAt });
            row.HasIndex(v => v.SubmittedAt).HasFilter("state = 'review'");

            // One version of an app in review, one trial and one released: the database holds that, whichever node writes.
            row.HasIndex(v => v.AppKey, "ix_mp_versions_one_in_review").IsUnique().HasFilter("state = 'review'");
            row.HasIndex(v => v.AppKey, "ix_mp_versions_one_trial").IsUnique().HasFilter("state = 'trial'");
            row.HasIndex(v => v.AppKey, "ix_mp_versions_one_released").IsUnique().HasFilter("state = 'released'");
            row.Property(v => v.Version).HasMaxLength(32);
            row.Property(v => v.State).HasMaxLength(16);
            row.Property(v => v.PackageSha).HasMaxLength(64);
            row.Property(v => v.ViewSha).HasMaxLength(64);
            row.Property(v => v.LogicSha).HasMaxLength(64);
            row.Property(v => v.WxsSha).HasMaxLength(64);
            row.Property(v => v.OpenDataSha).HasMaxLength(64);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(v => v.AppKey).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(v => v.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
