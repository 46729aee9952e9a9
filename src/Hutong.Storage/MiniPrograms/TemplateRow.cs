using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>A subscribe-message template an app added from the library; its keywords as JSON.</summary>
internal sealed class TemplateRow
{
    public required string TemplateId { get; set; }

    public Guid AppKey { get; set; }

    public int Tid { get; set; }

    public required string Title { get; set; }

    public required string Keywords { get; set; }

    public required string SceneDesc { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<TemplateRow>
    {
        public void Configure(EntityTypeBuilder<TemplateRow> row)
        {
            row.ToTable("mp_templates");
            row.HasKey(t => t.TemplateId);
            row.HasIndex(t => t.AppKey);
            row.Property(t => t.TemplateId).HasMaxLength(64);
            row.Property(t => t.Title).HasMaxLength(200);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(t => t.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

/// <summary>How many more messages a person allows from a template.</summary>
internal sealed class ConsentRow
{
    public Guid AppKey { get; set; }

    public Guid UserId { get; set; }

    public required string TemplateId { get; set; }

    public int Remaining { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ConsentRow>
    {
        public void Configure(EntityTypeBuilder<ConsentRow> row)
        {
            row.ToTable("mp_consents");
            row.HasKey(c => new { c.AppKey, c.UserId, c.TemplateId });
            row.Property(c => c.TemplateId).HasMaxLength(64);
            row.HasOne<TemplateRow>().WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

/// <summary>A service notice; its fields as JSON pairs.</summary>
internal sealed class NoticeRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid AppKey { get; set; }

    public required string Title { get; set; }

    public required string Fields { get; set; }

    public string? Page { get; set; }

    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<NoticeRow>
    {
        public void Configure(EntityTypeBuilder<NoticeRow> row)
        {
            row.ToTable("mp_notices");
            row.HasKey(n => n.Id);
            row.HasIndex(n => new { n.UserId, n.At });
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(n => n.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

/// <summary>A keyword of a template as kept in JSON.</summary>
internal sealed record StoredKeyword([property: JsonPropertyName("kid")] int Kid, [property: JsonPropertyName("kind")] string Kind, [property: JsonPropertyName("name")] string Name);

/// <summary>A field of a notice as kept in JSON.</summary>
internal sealed record StoredField([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("value")] string Value);
