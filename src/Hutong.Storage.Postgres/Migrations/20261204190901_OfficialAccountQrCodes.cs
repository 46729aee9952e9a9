using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficialAccountQrCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "qr_scene_id",
                table: "oa_followers",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "oa_qr_codes",
                columns: table => new
                {
                    ticket = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scene_id = table.Column<long>(type: "bigint", nullable: true),
                    scene_str = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    permanent_scene = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scans = table.Column<int>(type: "integer", nullable: false),
                    follows = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_oa_qr_codes_account_id_created_at",
                table: "oa_qr_codes",
                columns: new[] { "account_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_qr_codes_account_id_permanent_scene",
                table: "oa_qr_codes",
                columns: new[] { "account_id", "permanent_scene" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_qr_codes");

            migrationBuilder.AlterColumn<int>(
                name: "qr_scene_id",
                table: "oa_followers",
                type: "integer",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
