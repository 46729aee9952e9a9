using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TypedMessageContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "content",
                table: "messages",
                type: "text",
                nullable: true);

            // Each old row becomes its kind's record, as MessageContentJson writes it: absent fields left out, ids as
            // text. json (not jsonb) keeps the kind first. A recalled message keeps no content.
            migrationBuilder.Sql("""
                UPDATE messages SET content = CASE WHEN recalled_at IS NOT NULL THEN NULL ELSE json_strip_nulls(CASE kind
                    WHEN 0 THEN json_build_object('kind', 'text', 'text', text, 'mentions', to_json(mentions), 'mentionsAll', CASE WHEN mentions_all THEN true END)
                    WHEN 1 THEN json_build_object('kind', 'system', 'type', notice_type, 'actorId', sender_id::text, 'userIds', to_json(notice_user_ids), 'targetSeq', notice_target_seq, 'text', notice_text)
                    WHEN 2 THEN json_build_object('kind', 'image', 'mediaId', media_id::text, 'contentType', media_type, 'size', media_size, 'fileName', file_name)
                    WHEN 3 THEN json_build_object('kind', 'voice', 'mediaId', media_id::text, 'durationMs', COALESCE(duration_ms, 0), 'contentType', media_type, 'size', media_size, 'fileName', file_name)
                    WHEN 4 THEN json_build_object('kind', 'video', 'mediaId', media_id::text, 'contentType', media_type, 'size', media_size, 'fileName', file_name)
                    WHEN 5 THEN json_build_object('kind', 'file', 'mediaId', media_id::text, 'fileName', file_name, 'contentType', media_type, 'size', media_size)
                    WHEN 6 THEN json_build_object('kind', 'location', 'latitude', COALESCE(latitude, 0), 'longitude', COALESCE(longitude, 0), 'name', place_name, 'address', place_address)
                    WHEN 7 THEN json_build_object('kind', 'card', 'userId', card_user_id::text)
                    WHEN 8 THEN json_build_object('kind', 'transfer', 'id', money_ref, 'amount', COALESCE(money_amount, 0), 'note', text)
                    WHEN 9 THEN json_build_object('kind', 'redPacket', 'id', money_ref, 'greeting', text)
                END)::text END;
                """);

            // The kind by its name, as stored and on the wire, instead of a number only this code base knew.
            migrationBuilder.Sql("""
                ALTER TABLE messages ALTER COLUMN kind TYPE character varying(32) USING CASE kind
                    WHEN 0 THEN 'text'
                    WHEN 1 THEN 'system'
                    WHEN 2 THEN 'image'
                    WHEN 3 THEN 'voice'
                    WHEN 4 THEN 'video'
                    WHEN 5 THEN 'file'
                    WHEN 6 THEN 'location'
                    WHEN 7 THEN 'card'
                    WHEN 8 THEN 'transfer'
                    WHEN 9 THEN 'redPacket'
                END;
                """);

            migrationBuilder.DropColumn(
                name: "card_user_id",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "duration_ms",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "latitude",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "media_size",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "media_type",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "mentions",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "mentions_all",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "money_amount",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "money_ref",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "notice_target_seq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "notice_text",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "notice_type",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "notice_user_ids",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "place_address",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "place_name",
                table: "messages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content",
                table: "messages");

            // The old columns come back empty: only the kind finds its number again.
            migrationBuilder.Sql("""
                ALTER TABLE messages ALTER COLUMN kind TYPE integer USING CASE kind
                    WHEN 'text' THEN 0
                    WHEN 'system' THEN 1
                    WHEN 'image' THEN 2
                    WHEN 'voice' THEN 3
                    WHEN 'video' THEN 4
                    WHEN 'file' THEN 5
                    WHEN 'location' THEN 6
                    WHEN 'card' THEN 7
                    WHEN 'transfer' THEN 8
                    WHEN 'redPacket' THEN 9
                    ELSE 0
                END;
                """);

            migrationBuilder.AddColumn<Guid>(
                name: "card_user_id",
                table: "messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duration_ms",
                table: "messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "messages",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "messages",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "messages",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "media_size",
                table: "messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "media_type",
                table: "messages",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "mentions",
                table: "messages",
                type: "uuid[]",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "mentions_all",
                table: "messages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "money_amount",
                table: "messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "money_ref",
                table: "messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "notice_target_seq",
                table: "messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notice_text",
                table: "messages",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notice_type",
                table: "messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "notice_user_ids",
                table: "messages",
                type: "uuid[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_address",
                table: "messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_name",
                table: "messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }
    }
}
