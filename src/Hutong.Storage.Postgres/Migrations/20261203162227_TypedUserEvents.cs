using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "");

            // Each old row becomes its kind's JSON, as EventLog.Encode writes it (the discriminator first).
            migrationBuilder.Sql("""
                UPDATE user_events SET payload = CASE kind
                    WHEN 'friendRequest' THEN json_build_object('kind', kind, 'requestId', request_id::text, 'userId', other_user_id::text, 'state', state)::text
                    WHEN 'friends' THEN json_build_object('kind', kind, 'userId', other_user_id::text, 'change', state, 'requestId', request_id::text, 'conversationId', conversation_id::text)::text
                    WHEN 'conversation' THEN json_build_object('kind', kind, 'conversationId', conversation_id::text, 'change', state)::text
                    WHEN 'readPosition' THEN json_build_object('kind', kind, 'conversationId', conversation_id::text, 'messageSeq', COALESCE(message_seq, 0))::text
                    WHEN 'messageDeleted' THEN json_build_object('kind', kind, 'conversationId', conversation_id::text, 'messageSeq', COALESCE(message_seq, 0))::text
                    WHEN 'settings' THEN json_build_object('kind', kind, 'conversationId', conversation_id::text)::text
                    WHEN 'profile' THEN json_build_object('kind', kind, 'userId', other_user_id::text)::text
                    WHEN 'groupInvitation' THEN json_build_object('kind', kind, 'conversationId', conversation_id::text, 'invitationId', request_id::text, 'inviteeId', other_user_id::text)::text
                    WHEN 'redPacketOpened' THEN json_build_object('kind', kind, 'conversationId', conversation_id::text, 'messageSeq', COALESCE(message_seq, 0), 'userId', other_user_id::text, 'count', COALESCE(state::bigint, 1))::text
                    WHEN 'redPacketReturned' THEN json_build_object('kind', kind, 'conversationId', conversation_id::text, 'messageSeq', COALESCE(message_seq, 0), 'amount', COALESCE(state::bigint, 0))::text
                END;
                """);

            migrationBuilder.DropColumn(
                name: "conversation_id",
                table: "user_events");

            migrationBuilder.DropColumn(
                name: "message_seq",
                table: "user_events");

            migrationBuilder.DropColumn(
                name: "other_user_id",
                table: "user_events");

            migrationBuilder.DropColumn(
                name: "request_id",
                table: "user_events");

            migrationBuilder.DropColumn(
                name: "state",
                table: "user_events");
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "message_seq",
                table: "user_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "other_user_id",
                table: "user_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "request_id",
                table: "user_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "user_events",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }
    }
}
