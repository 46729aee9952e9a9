using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficialAccountThreads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "read_up_to",
                table: "oa_followers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "oa_broadcasts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    audience = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    tag_id = table.Column<int>(type: "integer", nullable: true),
                    recipients = table.Column<int>(type: "integer", nullable: false),
                    counted = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "oa_messages",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_account = table.Column<bool>(type: "boolean", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    media_id = table.Column<Guid>(type: "uuid", nullable: true),
                    broadcast_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
                name: "oa_service_windows",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    remaining = table.Column<int>(type: "integer", nullable: false)
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
                name: "oa_broadcast_recipients",
                columns: table => new
                {
                    broadcast_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_broadcast_recipients");

            migrationBuilder.DropTable(
                name: "oa_messages");

            migrationBuilder.DropTable(
                name: "oa_service_windows");

            migrationBuilder.DropTable(
                name: "oa_broadcasts");

            migrationBuilder.DropColumn(
                name: "read_up_to",
                table: "oa_followers");
        }
    }
}
