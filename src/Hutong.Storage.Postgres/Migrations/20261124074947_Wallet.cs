using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Wallet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<int>(type: "integer", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    limits = table.Column<int>(type: "integer", nullable: false),
                    debits_pending = table.Column<long>(type: "bigint", nullable: false),
                    debits_posted = table.Column<long>(type: "bigint", nullable: false),
                    credits_pending = table.Column<long>(type: "bigint", nullable: false),
                    credits_posted = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_pins",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pin_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_pins", x => x.user_id);
                    table.ForeignKey(
                        name: "FK_payment_pins_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    transfer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sender_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receiver_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    settled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_transfers", x => x.id);
                    table.ForeignKey(
                        name: "FK_person_transfers_accounts_receiver_id",
                        column: x => x.receiver_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_person_transfers_accounts_sender_id",
                        column: x => x.sender_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_transfers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    debit_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    code = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    pending_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    reference = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_person_transfers_receiver_id_transfer_id",
                table: "person_transfers",
                columns: new[] { "receiver_id", "transfer_id" });

            migrationBuilder.CreateIndex(
                name: "IX_person_transfers_sender_id_transfer_id",
                table: "person_transfers",
                columns: new[] { "sender_id", "transfer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_transfers_settled_expires_at",
                table: "person_transfers",
                columns: new[] { "settled", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_transfers");

            migrationBuilder.DropTable(
                name: "payment_pins");

            migrationBuilder.DropTable(
                name: "person_transfers");

            migrationBuilder.DropTable(
                name: "ledger_accounts");
        }
    }
}
