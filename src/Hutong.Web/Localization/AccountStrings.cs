namespace Hutong.Web.Localization;

/// <summary>The words of the person's own account: photo, password, their data, and deleting it.</summary>
public sealed class AccountStrings
{
    public required string AccountAndSecurity { get; init; }
    public required string ChangePhoto { get; init; }
    public required string RemovePhoto { get; init; }
    public required string Zoom { get; init; }
    public required string CropHint { get; init; }
    public required string UsePhoto { get; init; }
    public required string NotAPicture { get; init; }
    public required string PhotoSaved { get; init; }
    public required string PhotoPreview { get; init; }
    public required string ChangePassword { get; init; }
    public required string CurrentPassword { get; init; }
    public required string NewPassword { get; init; }
    public required string SignOutOthers { get; init; }
    public required string PasswordChanged { get; init; }
    public required string PasswordChangedSignedOut { get; init; }
    public required string DownloadData { get; init; }
    public required string DownloadDataHint { get; init; }
    public required string Preparing { get; init; }
    public required string DeleteAccount { get; init; }
    public required string DeleteAccountHint { get; init; }
    public required string DeleteMyAccount { get; init; }
    public required string DeleteAccountConfirm { get; init; }
    public required string DeletedAccount { get; init; }

    public static AccountStrings English { get; } = new()
    {
        AccountAndSecurity = "Account and security",
        ChangePhoto = "Change photo",
        RemovePhoto = "Remove photo",
        Zoom = "Zoom",
        CropHint = "Drag the picture, or use the arrow keys, to place it in the square; zoom with the slider or + and −.",
        UsePhoto = "Use this photo",
        NotAPicture = "That file is not a picture this browser can open. Choose a JPEG, PNG, WebP or GIF.",
        PhotoSaved = "Photo saved. Your friends see it at once.",
        PhotoPreview = "Your photo as others will see it",
        ChangePassword = "Change password",
        CurrentPassword = "Current password",
        NewPassword = "New password (at least 8 characters)",
        SignOutOthers = "Sign out all my other devices",
        PasswordChanged = "Password changed.",
        PasswordChangedSignedOut = "Password changed. Your other devices were signed out.",
        DownloadData = "Download my data",
        DownloadDataHint = "One JSON file with your profile, contacts, the messages you sent and your wallet history.",
        Preparing = "Preparing…",
        DeleteAccount = "Delete account",
        DeleteAccountHint = "Your friends, groups and photos go, and every device is signed out. Messages you sent stay for the others, from a deleted account. Your wallet must be empty first. Your handle stays reserved for 30 days.",
        DeleteMyAccount = "Delete my account",
        DeleteAccountConfirm = "Enter your password to delete your account. This cannot be undone.",
        DeletedAccount = "Deleted account",
    };

    public static AccountStrings Chinese { get; } = new()
    {
        AccountAndSecurity = "账号与安全",
        ChangePhoto = "更换头像",
        RemovePhoto = "移除头像",
        Zoom = "缩放",
        CropHint = "拖动图片或使用方向键把它放进方框；用滑块或 + 和 − 缩放。",
        UsePhoto = "使用这张照片",
        NotAPicture = "浏览器无法打开这个文件。请选择 JPEG、PNG、WebP 或 GIF 图片。",
        PhotoSaved = "头像已保存，朋友们马上就能看到。",
        PhotoPreview = "别人看到的你的头像",
        ChangePassword = "修改密码",
        CurrentPassword = "当前密码",
        NewPassword = "新密码（至少 8 个字符）",
        SignOutOthers = "退出我的其他所有设备",
        PasswordChanged = "密码已修改。",
        PasswordChangedSignedOut = "密码已修改，你的其他设备已退出登录。",
        DownloadData = "下载我的数据",
        DownloadDataHint = "一个 JSON 文件，包含你的资料、联系人、你发出的消息和钱包记录。",
        Preparing = "正在准备…",
        DeleteAccount = "注销账号",
        DeleteAccountHint = "你的好友、群聊和图片都会删除，所有设备都会退出登录。你发出的消息会以“已注销账号”的名义为其他人保留。钱包需先清空。你的用户名会保留 30 天。",
        DeleteMyAccount = "注销我的账号",
        DeleteAccountConfirm = "输入密码以注销账号。此操作无法撤销。",
        DeletedAccount = "已注销账号",
    };
}
