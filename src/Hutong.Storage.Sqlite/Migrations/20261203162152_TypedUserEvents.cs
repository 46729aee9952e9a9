using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TypedUserEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "payload",
                table: "user_events",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Each old row becomes its kind's JSON, as EventLog.Encode writes it (the discriminator first).
            migrationBuilder.Sql("""
                UPDATE user_events SET payload = CASE kind
                    WHEN 'friendRequest' THEN json_object('kind', kind, 'requestId', lower(request_id), 'userId', lower(other_user_id), 'state', state)
                    WHEN 'friends' THEN json_object('kind', kind, 'userId', lower(other_user_id), 'change', state, 'requestId', lower(request_id), 'conversationId', lower(conversation_id))
                    WHEN 'conversation' THEN json_object('kind', kind, 'conversationId', lower(conversation_id), 'change', state)
                    WHEN 'readPosition' THEN json_object('kind', kind, 'conversationId', lower(conversation_id), 'messageSeq', COALESCE(message_seq, 0))
                    WHEN 'messageDeleted' THEN json_object('kind', kind, 'conversationId', lower(conversation_id), 'messageSeq', COALESCE(message_seq, 0))
                    WHEN 'settings' THEN json_object('kind', kind, 'conversationId', lower(conversation_id))
                    WHEN 'profile' THEN json_object('kind', kind, 'userId', lower(other_user_id))
                    WHEN 'groupInvitation' THEN json_object('kind', kind, 'conversationId', lower(conversation_id), 'invitationId', lower(request_id), 'inviteeId', lower(other_user_id))
                    WHEN 'redPacketOpened' THEN json_object('kind', kind, 'conversationId', lower(conversation_id), 'messageSeq', COALESCE(message_seq, 0), 'userId', lower(other_user_id), 'count', COALESCE(CAST(state AS INTEGER), 1))
                    WHEN 'redPacketReturned' THEN json_object('kind', kind, 'conversationId', lower(conversation_id), 'messageSeq', COALESCE(message_seq, 0), 'amount', COALESCE(CAST(state AS INTEGER), 0))
                END;
                """);

            // SQLite drops a column in place (3.35 on); EF's DropColumn would rebuild the table with foreign keys off,
            // which cannot run in the migration's transaction and warns on every new node's first start.
            migrationBuilder.Sql("ALTER TABLE user_events DROP COLUMN conversation_id;");

            migrationBuilder.Sql("ALTER TABLE user_events DROP COLUMN message_seq;");

            migrationBuilder.Sql("ALTER TABLE user_events DROP COLUMN other_user_id;");

            migrationBuilder.Sql("ALTER TABLE user_events DROP COLUMN request_id;");

            migrationBuilder.Sql("ALTER TABLE user_events DROP COLUMN state;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "payload",
                table: "user_events");

            migrationBuilder.AddColumn<Guid>(
                name: "conversation_id",
                table: "user_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "message_seq",
                table: "user_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "other_user_id",
                table: "user_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "request_id",
                table: "user_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "user_events",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }
    }
}
