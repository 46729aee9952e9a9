using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MerchantPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "merchants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mch_id = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    short_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reject_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    api_v3_key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchants", x => x.id);
                    table.ForeignKey(
                        name: "FK_merchants_accounts_owner_id",
                        column: x => x.owner_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_keys",
                columns: table => new
                {
                    serial_no = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    private_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_keys", x => x.serial_no);
                });

            migrationBuilder.CreateTable(
                name: "merchant_apps",
                columns: table => new
                {
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    app_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    bound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_apps", x => new { x.merchant_id, x.app_id });
                    table.ForeignKey(
                        name: "FK_merchant_apps_merchants_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "merchants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "merchant_keys",
                columns: table => new
                {
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial_no = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    public_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_keys", x => new { x.merchant_id, x.serial_no });
                    table.ForeignKey(
                        name: "FK_merchant_keys_merchants_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "merchants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "merchant_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    url = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    leased_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_token = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_notifications", x => x.id);
                    table.ForeignKey(
                        name: "FK_merchant_notifications_merchants_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "merchants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "merchant_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transaction_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    out_trade_no = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    app_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    trade_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "character varying(127)", maxLength: 127, nullable: false),
                    attach = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    notify_url = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    payer_open_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    payer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prepay_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pay_posted = table.Column<bool>(type: "boolean", nullable: false),
                    refunded_amount = table.Column<long>(type: "bigint", nullable: false),
                    refund_count = table.Column<int>(type: "integer", nullable: false),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    open = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_orders", x => x.id);
                    table.ForeignKey(
                        name: "FK_merchant_orders_merchants_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "merchants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "merchant_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    refund_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    out_refund_no = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    notify_url = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_refunds", x => x.id);
                    table.ForeignKey(
                        name: "FK_merchant_refunds_merchant_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "merchant_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_merchant_notifications_merchant_id_created_at",
                table: "merchant_notifications",
                columns: new[] { "merchant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_merchant_notifications_next_attempt_at",
                table: "merchant_notifications",
                column: "next_attempt_at");

            migrationBuilder.CreateIndex(
                name: "IX_merchant_orders_merchant_id_created_at",
                table: "merchant_orders",
                columns: new[] { "merchant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_merchant_orders_merchant_id_out_trade_no",
                table: "merchant_orders",
                columns: new[] { "merchant_id", "out_trade_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchant_orders_open_expires_at",
                table: "merchant_orders",
                columns: new[] { "open", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "IX_merchant_orders_payer_id_paid_at",
                table: "merchant_orders",
                columns: new[] { "payer_id", "paid_at" });

            migrationBuilder.CreateIndex(
                name: "IX_merchant_orders_prepay_id",
                table: "merchant_orders",
                column: "prepay_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchant_orders_transaction_id",
                table: "merchant_orders",
                column: "transaction_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchant_refunds_merchant_id_out_refund_no",
                table: "merchant_refunds",
                columns: new[] { "merchant_id", "out_refund_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchant_refunds_order_id_created_at",
                table: "merchant_refunds",
                columns: new[] { "order_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_merchant_refunds_refund_id",
                table: "merchant_refunds",
                column: "refund_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchant_refunds_state_created_at",
                table: "merchant_refunds",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_merchants_mch_id",
                table: "merchants",
                column: "mch_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchants_owner_id",
                table: "merchants",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "IX_merchants_state_created_at",
                table: "merchants",
                columns: new[] { "state", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "merchant_apps");

            migrationBuilder.DropTable(
                name: "merchant_keys");

            migrationBuilder.DropTable(
                name: "merchant_notifications");

            migrationBuilder.DropTable(
                name: "merchant_refunds");

            migrationBuilder.DropTable(
                name: "payment_keys");

            migrationBuilder.DropTable(
                name: "merchant_orders");

            migrationBuilder.DropTable(
                name: "merchants");
        }
    }
}
