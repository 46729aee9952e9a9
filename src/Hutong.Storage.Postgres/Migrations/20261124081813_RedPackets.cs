using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RedPackets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "money_amount",
                table: "messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "money_ref",
                table: "messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "red_packets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    packet_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sender_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lucky = table.Column<bool>(type: "boolean", nullable: false),
                    total_amount = table.Column<long>(type: "bigint", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    greeting = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    message_seq = table.Column<long>(type: "bigint", nullable: true),
                    settled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_red_packets", x => x.id);
                    table.ForeignKey(
                        name: "FK_red_packets_accounts_sender_id",
                        column: x => x.sender_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_red_packets_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_red_packets_conversation_id",
                table: "red_packets",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "IX_red_packets_sender_id_packet_id",
                table: "red_packets",
                columns: new[] { "sender_id", "packet_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_red_packets_settled_expires_at",
                table: "red_packets",
                columns: new[] { "settled", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "red_packets");

            migrationBuilder.DropColumn(
                name: "money_amount",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "money_ref",
                table: "messages");
        }
    }
}
