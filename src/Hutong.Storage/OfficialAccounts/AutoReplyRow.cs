using System.Text.Json;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>An account's follow and default replies, as JSON; its keyword rules are <see cref="ReplyRuleRow"/>s.</summary>
internal sealed class AutoReplyRow
{
    public Guid AccountId { get; set; }

    public string? Follow { get; set; }

    public string? Default { get; set; }

    public static string? Encode(AutoReply? reply) => reply is null ? null : JsonSerializer.Serialize(reply, HutongJsonContext.Default.AutoReply);

    public static AutoReply? Decode(string? json) => json is null ? null : JsonSerializer.Deserialize(json, HutongJsonContext.Default.AutoReply);

    internal sealed class Configuration : IEntityTypeConfiguration<AutoReplyRow>
    {
        public void Configure(EntityTypeBuilder<AutoReplyRow> row)
        {
            row.ToTable("oa_auto_replies");
            row.HasKey(r => r.AccountId);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

internal sealed class AutoReplyStore(IDbContextFactory<HutongDbContext> contexts) : IAutoReplyStore
{
    public async Task<AutoReplySettings?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.AutoReplies.AsNoTracking().FirstOrDefaultAsync(r => r.AccountId == accountId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var rules = await db.ReplyRules.AsNoTracking().Where(r => r.AccountId == accountId).OrderBy(r => r.Position).ToListAsync(cancellationToken);
        return new AutoReplySettings(accountId, AutoReplyRow.Decode(row.Follow), AutoReplyRow.Decode(row.Default), rules.ConvertAll(r => r.ToDomain()));
    }

    public async Task SaveAsync(AutoReplySettings settings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.UpsertAsync(
            db,
            [new AutoReplyRow { AccountId = settings.AccountId, Follow = AutoReplyRow.Encode(settings.Follow), Default = AutoReplyRow.Encode(settings.Default) }],
            [nameof(AutoReplyRow.Follow), nameof(AutoReplyRow.Default)],
            cancellationToken);
        await db.ReplyRules.Where(r => r.AccountId == settings.AccountId).ExecuteDeleteAsync(cancellationToken);
        if (settings.Rules.Count > 0)
        {
            await BulkInsert.InsertAsync(db, settings.Rules.Select((rule, i) => ReplyRuleRow.From(settings.AccountId, i, rule)).ToList(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
