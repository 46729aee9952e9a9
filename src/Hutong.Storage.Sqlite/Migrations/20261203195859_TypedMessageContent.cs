using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            // Each old row becomes its kind's record, as MessageContentJson writes it: absent fields left out (json_patch
            // onto an empty object drops the nulls), ids in lower case. A recalled message keeps no content.
            migrationBuilder.Sql("""
                UPDATE messages SET content = CASE WHEN recalled_at IS NOT NULL THEN NULL ELSE json_patch('{}', CASE kind
                    WHEN 0 THEN json_object('kind', 'text', 'text', text, 'mentions', json(lower(mentions)), 'mentionsAll', CASE WHEN mentions_all THEN json('true') END)
                    WHEN 1 THEN json_object('kind', 'system', 'type', notice_type, 'actorId', lower(sender_id), 'userIds', json(lower(notice_user_ids)), 'targetSeq', notice_target_seq, 'text', notice_text)
                    WHEN 2 THEN json_object('kind', 'image', 'mediaId', lower(media_id), 'contentType', media_type, 'size', media_size, 'fileName', file_name)
                    WHEN 3 THEN json_object('kind', 'voice', 'mediaId', lower(media_id), 'durationMs', COALESCE(duration_ms, 0), 'contentType', media_type, 'size', media_size, 'fileName', file_name)
                    WHEN 4 THEN json_object('kind', 'video', 'mediaId', lower(media_id), 'contentType', media_type, 'size', media_size, 'fileName', file_name)
                    WHEN 5 THEN json_object('kind', 'file', 'mediaId', lower(media_id), 'fileName', file_name, 'contentType', media_type, 'size', media_size)
                    WHEN 6 THEN json_object('kind', 'location', 'latitude', COALESCE(latitude, 0), 'longitude', COALESCE(longitude, 0), 'name', place_name, 'address', place_address)
                    WHEN 7 THEN json_object('kind', 'card', 'userId', lower(card_user_id))
                    WHEN 8 THEN json_object('kind', 'transfer', 'id', money_ref, 'amount', COALESCE(money_amount, 0), 'note', text)
                    WHEN 9 THEN json_object('kind', 'redPacket', 'id', money_ref, 'greeting', text)
                END) END;
                """);

            // The kind by its name, as stored and on the wire, instead of a number only this code base knew.
            migrationBuilder.Sql("ALTER TABLE messages RENAME COLUMN kind TO kind_number;");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "messages",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE messages SET kind = CASE kind_number
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

            // SQLite drops a column in place (3.35 on); EF's DropColumn would rebuild the table with foreign keys off,
            // which cannot run in the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN kind_number;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN card_user_id;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN duration_ms;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN file_name;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN latitude;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN longitude;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN media_size;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN media_type;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN mentions;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN mentions_all;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN money_amount;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN money_ref;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN notice_target_seq;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN notice_text;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN notice_type;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN notice_user_ids;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN place_address;");

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN place_name;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old columns come back empty: only the kind finds its number again.
            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN content;");

            migrationBuilder.Sql("ALTER TABLE messages RENAME COLUMN kind TO kind_name;");

            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE messages SET kind = CASE kind_name
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

            migrationBuilder.Sql("ALTER TABLE messages DROP COLUMN kind_name;");

            migrationBuilder.AddColumn<string>(
                name: "notice_user_ids",
                table: "messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "card_user_id",
                table: "messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duration_ms",
                table: "messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "messages",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "messages",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "messages",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "media_size",
                table: "messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "media_type",
                table: "messages",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mentions",
                table: "messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "mentions_all",
                table: "messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "money_amount",
                table: "messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "money_ref",
                table: "messages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "notice_target_seq",
                table: "messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notice_text",
                table: "messages",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notice_type",
                table: "messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_address",
                table: "messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_name",
                table: "messages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }
    }
}
