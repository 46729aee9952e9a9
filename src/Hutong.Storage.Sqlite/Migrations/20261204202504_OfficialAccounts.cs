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

            migrationBuilder.CreateTable(
                name: "oa_articles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    cover_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    digest = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    source_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "oa_auto_replies",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    follow = table.Column<string>(type: "TEXT", nullable: true),
                    @default = table.Column<string>(name: "default", type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_auto_replies", x => x.account_id);
                    table.ForeignKey(
                        name: "FK_oa_auto_replies_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_broadcasts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    tag_id = table.Column<int>(type: "INTEGER", nullable: true),
                    recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    counted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_broadcasts", x => x.id);
                    table.ForeignKey(
                        name: "FK_oa_broadcasts_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_developer_settings",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    encoding_aes_key = table.Column<string>(type: "TEXT", maxLength: 43, nullable: true),
                    mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_developer_settings", x => x.account_id);
                    table.ForeignKey(
                        name: "FK_oa_developer_settings_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    qr_scene_id = table.Column<long>(type: "INTEGER", nullable: true),
                    qr_scene_str = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    qr_ticket = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    read_up_to = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "oa_menus",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buttons = table.Column<string>(type: "TEXT", nullable: false),
                    menu_id = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_menus", x => x.account_id);
                    table.ForeignKey(
                        name: "FK_oa_menus_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_messages",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    from_account = table.Column<bool>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    media_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    broadcast_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_messages", x => x.seq);
                    table.UniqueConstraint("AK_oa_messages_id", x => x.id);
                    table.ForeignKey(
                        name: "FK_oa_messages_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_qr_codes",
                columns: table => new
                {
                    ticket = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scene_id = table.Column<long>(type: "INTEGER", nullable: true),
                    scene_str = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    permanent_scene = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    scans = table.Column<int>(type: "INTEGER", nullable: false),
                    follows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_qr_codes", x => x.ticket);
                    table.ForeignKey(
                        name: "FK_oa_qr_codes_official_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "official_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oa_reply_rules",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    keywords = table.Column<string>(type: "TEXT", nullable: false),
                    reply = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_reply_rules", x => new { x.account_id, x.position });
                    table.ForeignKey(
                        name: "FK_oa_reply_rules_official_accounts_account_id",
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
                name: "oa_service_windows",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    until = table.Column<long>(type: "INTEGER", nullable: false),
                    remaining = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_service_windows", x => new { x.account_id, x.user_id, x.kind });
                    table.ForeignKey(
                        name: "FK_oa_service_windows_official_accounts_account_id",
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
                name: "oa_article_likes",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    article_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    media_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
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
                    article_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reader_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "oa_broadcast_recipients",
                columns: table => new
                {
                    broadcast_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_broadcast_recipients", x => new { x.broadcast_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_oa_broadcast_recipients_oa_broadcasts_broadcast_id",
                        column: x => x.broadcast_id,
                        principalTable: "oa_broadcasts",
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
                name: "IX_oa_access_tokens_account_id_issued_at",
                table: "oa_access_tokens",
                columns: new[] { "account_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_access_tokens_expires_at",
                table: "oa_access_tokens",
                column: "expires_at");

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

            migrationBuilder.CreateIndex(
                name: "IX_oa_broadcast_recipients_user_id",
                table: "oa_broadcast_recipients",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_oa_broadcasts_account_id_client_id",
                table: "oa_broadcasts",
                columns: new[] { "account_id", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oa_broadcasts_account_id_counted_sent_at",
                table: "oa_broadcasts",
                columns: new[] { "account_id", "counted", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_followers_account_id_following",
                table: "oa_followers",
                columns: new[] { "account_id", "following" });

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
                name: "IX_oa_messages_account_id_user_id_client_id",
                table: "oa_messages",
                columns: new[] { "account_id", "user_id", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oa_messages_account_id_user_id_seq",
                table: "oa_messages",
                columns: new[] { "account_id", "user_id", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_messages_broadcast_id",
                table: "oa_messages",
                column: "broadcast_id");

            migrationBuilder.CreateIndex(
                name: "IX_oa_messages_media_id",
                table: "oa_messages",
                column: "media_id");

            migrationBuilder.CreateIndex(
                name: "IX_oa_qr_codes_account_id_created_at",
                table: "oa_qr_codes",
                columns: new[] { "account_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_qr_codes_account_id_permanent_scene",
                table: "oa_qr_codes",
                columns: new[] { "account_id", "permanent_scene" },
                unique: true);

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
                name: "IX_official_accounts_avatar_id",
                table: "official_accounts",
                column: "avatar_id");

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
                name: "oa_access_tokens");

            migrationBuilder.DropTable(
                name: "oa_article_likes");

            migrationBuilder.DropTable(
                name: "oa_article_media");

            migrationBuilder.DropTable(
                name: "oa_article_reads");

            migrationBuilder.DropTable(
                name: "oa_auto_replies");

            migrationBuilder.DropTable(
                name: "oa_broadcast_recipients");

            migrationBuilder.DropTable(
                name: "oa_developer_settings");

            migrationBuilder.DropTable(
                name: "oa_menus");

            migrationBuilder.DropTable(
                name: "oa_messages");

            migrationBuilder.DropTable(
                name: "oa_qr_codes");

            migrationBuilder.DropTable(
                name: "oa_reply_rules");

            migrationBuilder.DropTable(
                name: "oa_reports");

            migrationBuilder.DropTable(
                name: "oa_service_windows");

            migrationBuilder.DropTable(
                name: "oa_tag_members");

            migrationBuilder.DropTable(
                name: "platform_keys");

            migrationBuilder.DropTable(
                name: "oa_articles");

            migrationBuilder.DropTable(
                name: "oa_broadcasts");

            migrationBuilder.DropTable(
                name: "oa_followers");

            migrationBuilder.DropTable(
                name: "oa_tags");

            migrationBuilder.DropTable(
                name: "official_accounts");
        }
    }
}
