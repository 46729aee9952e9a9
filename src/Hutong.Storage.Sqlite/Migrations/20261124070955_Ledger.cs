using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    limits = table.Column<int>(type: "INTEGER", nullable: false),
                    debits_pending = table.Column<long>(type: "INTEGER", nullable: false),
                    debits_posted = table.Column<long>(type: "INTEGER", nullable: false),
                    credits_pending = table.Column<long>(type: "INTEGER", nullable: false),
                    credits_posted = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_transfers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    debit_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    code = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    pending_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_transfers", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_transfers_ledger_accounts_credit_account_id",
                        column: x => x.credit_account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ledger_transfers_ledger_accounts_debit_account_id",
                        column: x => x.debit_account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_accounts_owner_id",
                table: "ledger_accounts",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_credit_account_id_created_at",
                table: "ledger_transfers",
                columns: new[] { "credit_account_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_debit_account_id_created_at",
                table: "ledger_transfers",
                columns: new[] { "debit_account_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_pending_id",
                table: "ledger_transfers",
                column: "pending_id",
                unique: true,
                filter: "pending_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_transfers");

            migrationBuilder.DropTable(
                name: "ledger_accounts");
        }
    }
}
