using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReceiveCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "code_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    payer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transfer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    receiver_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_payments", x => x.id);
                    table.ForeignKey(
                        name: "FK_code_payments_accounts_payer_id",
                        column: x => x.payer_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_code_payments_accounts_receiver_id",
                        column: x => x.receiver_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "receive_codes",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receive_codes", x => x.user_id);
                    table.ForeignKey(
                        name: "FK_receive_codes_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_code_payments_payer_id_transfer_id",
                table: "code_payments",
                columns: new[] { "payer_id", "transfer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_code_payments_receiver_id",
                table: "code_payments",
                column: "receiver_id");

            migrationBuilder.CreateIndex(
                name: "IX_receive_codes_code",
                table: "receive_codes",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "code_payments");

            migrationBuilder.DropTable(
                name: "receive_codes");
        }
    }
}
