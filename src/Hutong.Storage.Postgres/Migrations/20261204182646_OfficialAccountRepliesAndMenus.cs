using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficialAccountRepliesAndMenus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oa_auto_replies",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    follow = table.Column<string>(type: "text", nullable: true),
                    @default = table.Column<string>(name: "default", type: "text", nullable: true)
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
                name: "oa_menus",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buttons = table.Column<string>(type: "text", nullable: false),
                    menu_id = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "oa_reply_rules",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    keywords = table.Column<string>(type: "text", nullable: false),
                    reply = table.Column<string>(type: "text", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_auto_replies");

            migrationBuilder.DropTable(
                name: "oa_menus");

            migrationBuilder.DropTable(
                name: "oa_reply_rules");
        }
    }
}
