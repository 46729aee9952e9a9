using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfficialAccountAccessTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oa_access_tokens",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_access_tokens", x => x.token_hash);
                    table.ForeignKey(
                        name: "FK_oa_access_tokens_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oa_access_tokens_account_id_issued_at",
                table: "oa_access_tokens",
                columns: new[] { "account_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_access_tokens_expires_at",
                table: "oa_access_tokens",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_access_tokens");
        }
    }
}
