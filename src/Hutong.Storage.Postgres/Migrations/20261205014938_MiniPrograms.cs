using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MiniPrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mp_developers",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_developers", x => x.user_id);
                    table.ForeignKey(
                        name: "FK_mp_developers_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mini_programs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    app_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    developer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    icon_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_domains = table.Column<string>(type: "text", nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    released_version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mini_programs", x => x.id);
                    table.ForeignKey(
                        name: "FK_mini_programs_mp_developers_developer_id",
                        column: x => x.developer_id,
                        principalTable: "mp_developers",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mp_limited_codes",
                columns: table => new
                {
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_limited_codes", x => new { x.app_key, x.path });
                    table.ForeignKey(
                        name: "FK_mp_limited_codes_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_login_codes",
                columns: table => new
                {
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_login_codes", x => x.code_hash);
                    table.ForeignKey(
                        name: "FK_mp_login_codes_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_members",
                columns: table => new
                {
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_members", x => new { x.app_key, x.user_id });
                    table.ForeignKey(
                        name: "FK_mp_members_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mp_members_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    fields = table.Column<string>(type: "text", nullable: false),
                    page = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_notices", x => x.id);
                    table.ForeignKey(
                        name: "FK_mp_notices_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_recent",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_recent", x => new { x.user_id, x.app_key });
                    table.ForeignKey(
                        name: "FK_mp_recent_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_sessions",
                columns: table => new
                {
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    open_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    session_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_sessions", x => new { x.app_key, x.user_id });
                    table.ForeignKey(
                        name: "FK_mp_sessions_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_storage",
                columns: table => new
                {
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    value = table.Column<string>(type: "text", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_storage", x => new { x.app_key, x.user_id, x.key });
                    table.ForeignKey(
                        name: "FK_mp_storage_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_templates",
                columns: table => new
                {
                    template_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    tid = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    keywords = table.Column<string>(type: "text", nullable: false),
                    scene_desc = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_templates", x => x.template_id);
                    table.ForeignKey(
                        name: "FK_mp_templates_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    pages = table.Column<string>(type: "text", nullable: false),
                    config = table.Column<string>(type: "text", nullable: false),
                    package_sha = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    view_sha = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    logic_sha = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    wxs_sha = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    assets = table.Column<string>(type: "text", nullable: false),
                    review_note = table.Column<string>(type: "text", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_mp_versions_accounts_uploaded_by",
                        column: x => x.uploaded_by,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mp_versions_mini_programs_app_key",
                        column: x => x.app_key,
                        principalTable: "mini_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mp_consents",
                columns: table => new
                {
                    app_key = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    remaining = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mp_consents", x => new { x.app_key, x.user_id, x.template_id });
                    table.ForeignKey(
                        name: "FK_mp_consents_mp_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "mp_templates",
                        principalColumn: "template_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_messages_mini_program_cards",
                table: "messages",
                columns: new[] { "conversation_id", "sent_at" },
                filter: "kind = 'miniProgram'");

            migrationBuilder.CreateIndex(
                name: "IX_mini_programs_app_id",
                table: "mini_programs",
                column: "app_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mini_programs_developer_id",
                table: "mini_programs",
                column: "developer_id");

            migrationBuilder.CreateIndex(
                name: "IX_mini_programs_icon_id",
                table: "mini_programs",
                column: "icon_id");

            migrationBuilder.CreateIndex(
                name: "IX_mp_consents_template_id",
                table: "mp_consents",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "IX_mp_login_codes_app_key",
                table: "mp_login_codes",
                column: "app_key");

            migrationBuilder.CreateIndex(
                name: "IX_mp_login_codes_expires_at",
                table: "mp_login_codes",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "IX_mp_members_user_id",
                table: "mp_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_mp_notices_app_key",
                table: "mp_notices",
                column: "app_key");

            migrationBuilder.CreateIndex(
                name: "IX_mp_notices_user_id_at",
                table: "mp_notices",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_mp_recent_app_key",
                table: "mp_recent",
                column: "app_key");

            migrationBuilder.CreateIndex(
                name: "IX_mp_recent_user_id_opened_at",
                table: "mp_recent",
                columns: new[] { "user_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "IX_mp_sessions_app_key_open_id",
                table: "mp_sessions",
                columns: new[] { "app_key", "open_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mp_templates_app_key",
                table: "mp_templates",
                column: "app_key");

            migrationBuilder.CreateIndex(
                name: "IX_mp_versions_app_key_uploaded_at",
                table: "mp_versions",
                columns: new[] { "app_key", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "IX_mp_versions_app_key_version",
                table: "mp_versions",
                columns: new[] { "app_key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mp_versions_submitted_at",
                table: "mp_versions",
                column: "submitted_at",
                filter: "state = 'review'");

            migrationBuilder.CreateIndex(
                name: "IX_mp_versions_uploaded_by",
                table: "mp_versions",
                column: "uploaded_by");

            migrationBuilder.CreateIndex(
                name: "ix_mp_versions_one_in_review",
                table: "mp_versions",
                column: "app_key",
                unique: true,
                filter: "state = 'review'");

            migrationBuilder.CreateIndex(
                name: "ix_mp_versions_one_released",
                table: "mp_versions",
                column: "app_key",
                unique: true,
                filter: "state = 'released'");

            migrationBuilder.CreateIndex(
                name: "ix_mp_versions_one_trial",
                table: "mp_versions",
                column: "app_key",
                unique: true,
                filter: "state = 'trial'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mp_consents");

            migrationBuilder.DropTable(
                name: "mp_limited_codes");

            migrationBuilder.DropTable(
                name: "mp_login_codes");

            migrationBuilder.DropTable(
                name: "mp_members");

            migrationBuilder.DropTable(
                name: "mp_notices");

            migrationBuilder.DropTable(
                name: "mp_recent");

            migrationBuilder.DropTable(
                name: "mp_sessions");

            migrationBuilder.DropTable(
                name: "mp_storage");

            migrationBuilder.DropTable(
                name: "mp_versions");

            migrationBuilder.DropTable(
                name: "mp_templates");

            migrationBuilder.DropTable(
                name: "mini_programs");

            migrationBuilder.DropTable(
                name: "mp_developers");

            migrationBuilder.DropIndex(
                name: "ix_messages_mini_program_cards",
                table: "messages");
        }
    }
}
