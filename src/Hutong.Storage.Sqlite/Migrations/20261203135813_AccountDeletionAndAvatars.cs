using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountDeletionAndAvatars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Avatars are the node's own uploads from now on; an outside address would tell its server who looks.
            migrationBuilder.Sql("UPDATE accounts SET avatar_url = NULL WHERE avatar_url NOT LIKE '/api/v1/media/%';");

            migrationBuilder.AddColumn<long>(
                name: "deleted_at",
                table: "accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_avatar_url",
                table: "accounts",
                column: "avatar_url");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_accounts_avatar_url",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "accounts");
        }
    }
}
