using System.Text.Json;
using System.Text.Json.Serialization;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Contacts;
using Hutong.Contracts.Events;

namespace Hutong.Contracts;

/// <summary>
/// Source-generated JSON for every wire type: no reflection at run time, the same shapes on server, client and browser.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(SignUpResponse))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(UpdateProfileRequest))]
[JsonSerializable(typeof(PublicProfile))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(DeleteAccountRequest))]
[JsonSerializable(typeof(AvatarResponse))]
[JsonSerializable(typeof(DeviceList))]
[JsonSerializable(typeof(SendFriendRequest))]
[JsonSerializable(typeof(SendFriendRequestResponse))]
[JsonSerializable(typeof(FriendRequestList))]
[JsonSerializable(typeof(FriendRequestInfo))]
[JsonSerializable(typeof(FriendInfo))]
[JsonSerializable(typeof(FriendList))]
[JsonSerializable(typeof(UpdateFriendRequest))]
[JsonSerializable(typeof(BlockList))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(CreateConversationRequest))]
[JsonSerializable(typeof(CreateConversationResponse))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(ConversationDetails))]
[JsonSerializable(typeof(AddMembersRequest))]
[JsonSerializable(typeof(UpdateGroupRequest))]
[JsonSerializable(typeof(ConversationSettingsRequest))]
[JsonSerializable(typeof(SetRoleRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(MessageInfo))]
[JsonSerializable(typeof(MessageContent))]
[JsonSerializable(typeof(MessageList))]
[JsonSerializable(typeof(ReadRequest))]
[JsonSerializable(typeof(UserEventList))]
[JsonSerializable(typeof(UserEvent))]
[JsonSerializable(typeof(MediaUploaded))]
[JsonSerializable(typeof(MessageSearchResult))]
[JsonSerializable(typeof(AddMembersResponse))]
[JsonSerializable(typeof(GroupInvitationList))]
[JsonSerializable(typeof(GroupInvitationInfo))]
[JsonSerializable(typeof(GroupQrInfo))]
[JsonSerializable(typeof(JoinGroupRequest))]
[JsonSerializable(typeof(JoinGroupResponse))]
[JsonSerializable(typeof(Wallet.WalletInfo))]
[JsonSerializable(typeof(Wallet.SetPinRequest))]
[JsonSerializable(typeof(Wallet.TopUpRequest))]
[JsonSerializable(typeof(Wallet.WithdrawalRequest))]
[JsonSerializable(typeof(Wallet.WalletReceipt))]
[JsonSerializable(typeof(Wallet.WalletEntryList))]
[JsonSerializable(typeof(Wallet.SendTransferRequest))]
[JsonSerializable(typeof(Wallet.TransferInfo))]
[JsonSerializable(typeof(Wallet.SendRedPacketRequest))]
[JsonSerializable(typeof(Wallet.RedPacketInfo))]
[JsonSerializable(typeof(Wallet.RedPacketOpened))]
public sealed partial class HutongJsonContext : JsonSerializerContext;
