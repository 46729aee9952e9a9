using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WebAuthorization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oa_web_auth_domains",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_web_auth_domains", x => new { x.account_id, x.domain });
                    table.ForeignKey(
                        name: "FK_oa_web_auth_domains_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_web_grants",
                columns: table => new
                {
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_web_grants", x => x.hash);
                    table.ForeignKey(
                        name: "FK_oa_web_grants_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oa_web_grants_account_id_expires_at",
                table: "oa_web_grants",
                columns: new[] { "account_id", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_web_auth_domains");

            migrationBuilder.DropTable(
                name: "oa_web_grants");
        }
    }
}
