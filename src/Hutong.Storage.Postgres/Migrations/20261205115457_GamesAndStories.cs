using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GamesAndStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "open_data_sha",
                table: "mp_versions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "mini_programs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "miniProgram");

            migrationBuilder.CreateTable(
                name: "mp_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_reports", x => x.id);
                    table.ForeignKey(
                        name: "FK_mp_reports_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "story_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    language = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    cover_id = table.Column<Guid>(type: "uuid", nullable: true),
                    images = table.Column<string>(type: "text", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    app_key = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_drafts", x => x.id);
                    table.ForeignKey(
                        name: "FK_story_drafts_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mp_reports_app_key_reporter_id",
                table: "mp_reports",
                columns: new[] { "app_key", "reporter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mp_reports_reported_at",
                table: "mp_reports",
                column: "reported_at");

            migrationBuilder.CreateIndex(
                name: "IX_story_drafts_app_key",
                table: "story_drafts",
                column: "app_key");

            migrationBuilder.CreateIndex(
                name: "IX_story_drafts_owner_id_updated_at",
                table: "story_drafts",
                columns: new[] { "owner_id", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mp_reports");

            migrationBuilder.DropTable(
                name: "story_drafts");

            migrationBuilder.DropColumn(
                name: "open_data_sha",
                table: "mp_versions");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "mini_programs");
        }
    }
}
