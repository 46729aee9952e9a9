using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MomentsAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moment_posts",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    media = table.Column<string>(type: "TEXT", nullable: false),
                    location = table.Column<string>(type: "TEXT", nullable: true),
                    card = table.Column<string>(type: "TEXT", nullable: true),
                    audience_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    audience_tags = table.Column<string>(type: "TEXT", nullable: false),
                    audience_people = table.Column<string>(type: "TEXT", nullable: false),
                    remind_ids = table.Column<string>(type: "TEXT", nullable: false),
                    fan_out_reached = table.Column<Guid>(type: "TEXT", nullable: true),
                    fan_out_done = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moment_posts", x => x.seq);
                    table.UniqueConstraint("AK_moment_posts_id", x => x.id);
                    table.ForeignKey(
                        name: "FK_moment_posts_accounts_author_id",
                        column: x => x.author_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moment_settings",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    range = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    cover_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    notices_read_up_to = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moment_settings", x => x.user_id);
                    table.ForeignKey(
                        name: "FK_moment_settings_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statuses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    media_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    media_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    poster_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    mood = table.Column<string>(type: "TEXT", nullable: true),
                    location = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statuses", x => x.id);
                    table.ForeignKey(
                        name: "FK_statuses_accounts_author_id",
                        column: x => x.author_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moment_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    post_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    reply_to_comment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reply_to_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moment_comments", x => x.id);
                    table.ForeignKey(
                        name: "FK_moment_comments_accounts_author_id",
                        column: x => x.author_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_moment_comments_moment_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "moment_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moment_likes",
                columns: table => new
                {
                    post_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moment_likes", x => new { x.post_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_moment_likes_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_moment_likes_moment_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "moment_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moment_media",
                columns: table => new
                {
                    media_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    post_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moment_media", x => new { x.media_id, x.post_id });
                    table.ForeignKey(
                        name: "FK_moment_media_moment_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "moment_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moment_notices",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    post_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    comment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moment_notices", x => x.seq);
                    table.UniqueConstraint("AK_moment_notices_id", x => x.id);
                    table.ForeignKey(
                        name: "FK_moment_notices_accounts_actor_id",
                        column: x => x.actor_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_moment_notices_accounts_owner_id",
                        column: x => x.owner_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_moment_notices_moment_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "moment_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moment_timeline",
                columns: table => new
                {
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    post_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moment_timeline", x => new { x.owner_id, x.post_seq });
                    table.ForeignKey(
                        name: "FK_moment_timeline_accounts_owner_id",
                        column: x => x.owner_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_moment_timeline_moment_posts_post_seq",
                        column: x => x.post_seq,
                        principalTable: "moment_posts",
                        principalColumn: "seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "status_reactions",
                columns: table => new
                {
                    status_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reaction = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_reactions", x => new { x.status_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_status_reactions_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_status_reactions_statuses_status_id",
                        column: x => x.status_id,
                        principalTable: "statuses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "status_seen",
                columns: table => new
                {
                    viewer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_seen", x => new { x.viewer_id, x.status_id });
                    table.ForeignKey(
                        name: "FK_status_seen_accounts_viewer_id",
                        column: x => x.viewer_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_status_seen_statuses_status_id",
                        column: x => x.status_id,
                        principalTable: "statuses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_moment_comments_author_id_client_id",
                table: "moment_comments",
                columns: new[] { "author_id", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_moment_comments_post_id",
                table: "moment_comments",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "IX_moment_likes_user_id",
                table: "moment_likes",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_moment_media_post_id",
                table: "moment_media",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "IX_moment_notices_actor_id",
                table: "moment_notices",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "IX_moment_notices_comment_id",
                table: "moment_notices",
                column: "comment_id");

            migrationBuilder.CreateIndex(
                name: "IX_moment_notices_owner_id_seq",
                table: "moment_notices",
                columns: new[] { "owner_id", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_moment_notices_post_id",
                table: "moment_notices",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "IX_moment_posts_author_id_client_id",
                table: "moment_posts",
                columns: new[] { "author_id", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_moment_posts_author_id_seq",
                table: "moment_posts",
                columns: new[] { "author_id", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_moment_posts_fan_out_done_created_at",
                table: "moment_posts",
                columns: new[] { "fan_out_done", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_moment_timeline_post_seq",
                table: "moment_timeline",
                column: "post_seq");

            migrationBuilder.CreateIndex(
                name: "IX_status_reactions_user_id",
                table: "status_reactions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_status_seen_status_id",
                table: "status_seen",
                column: "status_id");

            migrationBuilder.CreateIndex(
                name: "IX_statuses_author_id_client_id",
                table: "statuses",
                columns: new[] { "author_id", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statuses_author_id_expires_at",
                table: "statuses",
                columns: new[] { "author_id", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "IX_statuses_expires_at",
                table: "statuses",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "IX_statuses_media_id",
                table: "statuses",
                column: "media_id");

            migrationBuilder.CreateIndex(
                name: "IX_statuses_poster_id",
                table: "statuses",
                column: "poster_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "moment_comments");

            migrationBuilder.DropTable(
                name: "moment_likes");

            migrationBuilder.DropTable(
                name: "moment_media");

            migrationBuilder.DropTable(
                name: "moment_notices");

            migrationBuilder.DropTable(
                name: "moment_settings");

            migrationBuilder.DropTable(
                name: "moment_timeline");

            migrationBuilder.DropTable(
                name: "status_reactions");

            migrationBuilder.DropTable(
                name: "status_seen");

            migrationBuilder.DropTable(
                name: "moment_posts");

            migrationBuilder.DropTable(
                name: "statuses");
        }
    }
}
