using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Wallet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    avatar_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    announcement = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    direct_low = table.Column<Guid>(type: "TEXT", nullable: true),
                    direct_high = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    dissolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    invite_approval = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.id);
                });

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
                name: "message_deletions",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_deletions", x => new { x.user_id, x.conversation_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "user_events",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    message_seq = table.Column<long>(type: "INTEGER", nullable: true),
                    other_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_events", x => new { x.user_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "blocks",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    blocked_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blocks", x => new { x.user_id, x.blocked_id });
                    table.ForeignKey(
                        name: "FK_blocks_accounts_blocked_id",
                        column: x => x.blocked_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_blocks_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "device_sessions",
                columns: table => new
                {
                    device_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_sessions", x => x.device_id);
                    table.ForeignKey(
                        name: "FK_device_sessions_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "friend_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    greeting = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    responded_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_friend_requests", x => x.id);
                    table.ForeignKey(
                        name: "FK_friend_requests_accounts_from_user_id",
                        column: x => x.from_user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_friend_requests_accounts_to_user_id",
                        column: x => x.to_user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "friendships",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    friend_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    remark = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    tags = table.Column<string>(type: "TEXT", nullable: false),
                    chat_only = table.Column<bool>(type: "INTEGER", nullable: false),
                    hide_their_moments = table.Column<bool>(type: "INTEGER", nullable: false),
                    since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_friendships", x => new { x.user_id, x.friend_id });
                    table.ForeignKey(
                        name: "FK_friendships_accounts_friend_id",
                        column: x => x.friend_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_friendships_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "media",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    uploader_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media", x => x.id);
                    table.ForeignKey(
                        name: "FK_media_accounts_uploader_id",
                        column: x => x.uploader_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_pins",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    pin_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    failed_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    transfer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sender_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receiver_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    settled = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "conversation_members",
                columns: table => new
                {
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<int>(type: "INTEGER", nullable: false),
                    joined_at = table.Column<long>(type: "INTEGER", nullable: false),
                    visible_after_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    read_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    muted = table.Column<bool>(type: "INTEGER", nullable: false),
                    pinned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_members", x => new { x.conversation_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_conversation_members_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_conversation_members_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_codes",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    creator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_codes", x => x.code);
                    table.ForeignKey(
                        name: "FK_group_codes_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inviter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invitee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    awaiting_approval = table.Column<bool>(type: "INTEGER", nullable: false),
                    awaiting_acceptance = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_invitations", x => x.id);
                    table.ForeignKey(
                        name: "FK_group_invitations_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    sender_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    reply_to_seq = table.Column<long>(type: "INTEGER", nullable: true),
                    mentions = table.Column<string>(type: "TEXT", nullable: true),
                    mentions_all = table.Column<bool>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    client_msg_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    notice_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    notice_user_ids = table.Column<string>(type: "TEXT", nullable: true),
                    notice_target_seq = table.Column<long>(type: "INTEGER", nullable: true),
                    notice_text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    recalled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    media_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    media_size = table.Column<long>(type: "INTEGER", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    duration_ms = table.Column<int>(type: "INTEGER", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    place_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    place_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    card_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => new { x.conversation_id, x.seq });
                    table.ForeignKey(
                        name: "FK_messages_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_accounts_handle",
                table: "accounts",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_blocks_blocked_id",
                table: "blocks",
                column: "blocked_id");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_members_user_id",
                table: "conversation_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_conversations_direct_low_direct_high",
                table: "conversations",
                columns: new[] { "direct_low", "direct_high" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_device_sessions_token_hash",
                table: "device_sessions",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_device_sessions_user_id",
                table: "device_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_friend_requests_from_user_id_to_user_id_state",
                table: "friend_requests",
                columns: new[] { "from_user_id", "to_user_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_friend_requests_to_user_id_created_at",
                table: "friend_requests",
                columns: new[] { "to_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_friendships_friend_id",
                table: "friendships",
                column: "friend_id");

            migrationBuilder.CreateIndex(
                name: "IX_group_codes_conversation_id_creator_id",
                table: "group_codes",
                columns: new[] { "conversation_id", "creator_id" });

            migrationBuilder.CreateIndex(
                name: "IX_group_invitations_conversation_id_state",
                table: "group_invitations",
                columns: new[] { "conversation_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_group_invitations_invitee_id_state",
                table: "group_invitations",
                columns: new[] { "invitee_id", "state" });

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
                name: "IX_media_sha256",
                table: "media",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_media_uploader_id",
                table: "media",
                column: "uploader_id");

            migrationBuilder.CreateIndex(
                name: "IX_messages_conversation_id_sender_id_client_msg_id",
                table: "messages",
                columns: new[] { "conversation_id", "sender_id", "client_msg_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messages_media_id",
                table: "messages",
                column: "media_id");

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
                name: "blocks");

            migrationBuilder.DropTable(
                name: "conversation_members");

            migrationBuilder.DropTable(
                name: "device_sessions");

            migrationBuilder.DropTable(
                name: "friend_requests");

            migrationBuilder.DropTable(
                name: "friendships");

            migrationBuilder.DropTable(
                name: "group_codes");

            migrationBuilder.DropTable(
                name: "group_invitations");

            migrationBuilder.DropTable(
                name: "ledger_transfers");

            migrationBuilder.DropTable(
                name: "media");

            migrationBuilder.DropTable(
                name: "message_deletions");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "payment_pins");

            migrationBuilder.DropTable(
                name: "person_transfers");

            migrationBuilder.DropTable(
                name: "user_events");

            migrationBuilder.DropTable(
                name: "ledger_accounts");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "accounts");
        }
    }
}
