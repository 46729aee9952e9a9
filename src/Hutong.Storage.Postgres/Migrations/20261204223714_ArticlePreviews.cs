using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ArticlePreviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oa_article_previews",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_article_previews", x => new { x.article_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_oa_article_previews_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_oa_article_previews_oa_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "oa_articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oa_article_previews_user_id",
                table: "oa_article_previews",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_article_previews");
        }
    }
}
