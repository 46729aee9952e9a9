using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfficialAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "official_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    avatar_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    original_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    app_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    review_note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_official_accounts", x => x.id);
                    table.ForeignKey(
                        name: "FK_official_accounts_accounts_owner_id",
                        column: x => x.owner_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "platform_keys",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_keys", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "oa_followers",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    open_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    following = table.Column<bool>(type: "INTEGER", nullable: false),
                    followed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    scene = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    remark = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    muted = table.Column<bool>(type: "INTEGER", nullable: false),
                    qr_scene_id = table.Column<int>(type: "INTEGER", nullable: true),
                    qr_scene_str = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_followers", x => new { x.account_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_oa_followers_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_oa_followers_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reporter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_reports", x => x.id);
                    table.ForeignKey(
                        name: "FK_oa_reports_accounts_reporter_id",
                        column: x => x.reporter_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_oa_reports_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_tags",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_tags", x => new { x.account_id, x.id });
                    table.ForeignKey(
                        name: "FK_oa_tags_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_tag_members",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tag_id = table.Column<int>(type: "INTEGER", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_tag_members", x => new { x.account_id, x.tag_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_oa_tag_members_oa_followers_account_id_user_id",
                        columns: x => new { x.account_id, x.user_id },
                        principalTable: "oa_followers",
                        principalColumns: new[] { "account_id", "user_id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_oa_tag_members_oa_tags_account_id_tag_id",
                        columns: x => new { x.account_id, x.tag_id },
                        principalTable: "oa_tags",
                        principalColumns: new[] { "account_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oa_followers_account_id_open_id",
                table: "oa_followers",
                columns: new[] { "account_id", "open_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oa_followers_user_id_following",
                table: "oa_followers",
                columns: new[] { "user_id", "following" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_reports_account_id_at",
                table: "oa_reports",
                columns: new[] { "account_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_reports_reporter_id",
                table: "oa_reports",
                column: "reporter_id");

            migrationBuilder.CreateIndex(
                name: "IX_oa_tag_members_account_id_user_id",
                table: "oa_tag_members",
                columns: new[] { "account_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_tags_account_id_name",
                table: "oa_tags",
                columns: new[] { "account_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_official_accounts_app_id",
                table: "official_accounts",
                column: "app_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_official_accounts_original_id",
                table: "official_accounts",
                column: "original_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_official_accounts_owner_id",
                table: "official_accounts",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "IX_official_accounts_state_created_at",
                table: "official_accounts",
                columns: new[] { "state", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_reports");

            migrationBuilder.DropTable(
                name: "oa_tag_members");

            migrationBuilder.DropTable(
                name: "platform_keys");

            migrationBuilder.DropTable(
                name: "oa_followers");

            migrationBuilder.DropTable(
                name: "oa_tags");

            migrationBuilder.DropTable(
                name: "official_accounts");
        }
    }
}
