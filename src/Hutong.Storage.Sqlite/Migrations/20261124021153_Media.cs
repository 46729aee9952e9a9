using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Media : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<Guid>(
                name: "media_id",
                table: "messages",
                type: "TEXT",
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

            migrationBuilder.CreateTable(
                name: "media",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    uploader_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media", x => x.id);
                    table.ForeignKey(
                        name: "FK_media_accounts_uploader_id",
                        column: x => x.uploader_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_messages_media_id",
                table: "messages",
                column: "media_id");

            migrationBuilder.CreateIndex(
                name: "IX_media_sha256",
                table: "media",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_media_uploader_id",
                table: "media",
                column: "uploader_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "media");

            migrationBuilder.DropIndex(
                name: "IX_messages_media_id",
                table: "messages");

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
                name: "media_id",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "media_size",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "media_type",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "place_address",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "place_name",
                table: "messages");
        }
    }
}
