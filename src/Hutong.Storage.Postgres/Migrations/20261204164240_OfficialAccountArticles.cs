using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficialAccountArticles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oa_articles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    cover_id = table.Column<Guid>(type: "uuid", nullable: true),
                    digest = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    source_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_articles", x => x.id);
                    table.ForeignKey(
                        name: "FK_oa_articles_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_article_likes",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_article_likes", x => new { x.article_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_oa_article_likes_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_oa_article_likes_oa_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "oa_articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_article_media",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    media_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_article_media", x => new { x.article_id, x.media_id });
                    table.ForeignKey(
                        name: "FK_oa_article_media_oa_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "oa_articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_article_reads",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reader_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_article_reads", x => new { x.article_id, x.reader_key, x.day });
                    table.ForeignKey(
                        name: "FK_oa_article_reads_oa_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "oa_articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oa_article_likes_user_id",
                table: "oa_article_likes",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_oa_article_media_media_id",
                table: "oa_article_media",
                column: "media_id");

            migrationBuilder.CreateIndex(
                name: "IX_oa_articles_account_id_created_at",
                table: "oa_articles",
                columns: new[] { "account_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_article_likes");

            migrationBuilder.DropTable(
                name: "oa_article_media");

            migrationBuilder.DropTable(
                name: "oa_article_reads");

            migrationBuilder.DropTable(
                name: "oa_articles");
        }
    }
}
