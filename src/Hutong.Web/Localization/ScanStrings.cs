namespace Hutong.Web.Localization;

/// <summary>The words of Scan, and of the screens a scanned code opens.</summary>
public sealed class ScanStrings
{
    public required string Scan { get; init; }
    public required string MoreActions { get; init; }
    public required string CameraView { get; init; }
    public required string StartingCamera { get; init; }
    public required string PointCamera { get; init; }
    public required string PickHint { get; init; }
    public required string UseCamera { get; init; }
    public required string StopCamera { get; init; }
    public required string ChooseImage { get; init; }
    public required string ReadingImage { get; init; }
    public required string NoCodeFound { get; init; }
    public required string CameraDenied { get; init; }
    public required string NoCamera { get; init; }
    public required string CameraUnsupported { get; init; }
    public required string NotHutongCode { get; init; }
    public required string CodeSays { get; init; }
    public required string LinksInCode { get; init; }
    public required string NotSupportedYet { get; init; }
    public required string NotSupportedHint { get; init; }
    public required string InvalidCode { get; init; }
    public required string InvalidCodeHint { get; init; }
    public required string ScanAgain { get; init; }
    public required string JoinThisGroup { get; init; }
    public required string JoinThisGroupHint { get; init; }

    public static ScanStrings English { get; } = new()
    {
        Scan = "Scan",
        MoreActions = "More actions",
        CameraView = "Camera view",
        StartingCamera = "Starting the camera…",
        PointCamera = "Point the camera at a QR code: it is read as soon as it is in view.",
        PickHint = "Scan with the camera, or choose an image of a QR code.",
        UseCamera = "Scan with camera",
        StopCamera = "Stop camera",
        ChooseImage = "Choose an image",
        ReadingImage = "Reading the image…",
        NoCodeFound = "No QR code was found in this image. Try a sharper picture that shows the whole code.",
        CameraDenied = "Hutong may not use the camera. Allow it in the browser's site settings, or choose an image.",
        NoCamera = "No camera was found. You can choose an image instead.",
        CameraUnsupported = "This browser cannot use a camera here. You can choose an image instead.",
        NotHutongCode = "Not a Hutong code",
        CodeSays = "The code says:",
        LinksInCode = "Links in it, not opened: open one only if you trust where it goes.",
        NotSupportedYet = "Not supported yet",
        NotSupportedHint = "This Hutong code is for something this version of Hutong cannot open yet.",
        InvalidCode = "This Hutong code is not valid",
        InvalidCodeHint = "It is damaged or incomplete. Ask for a new one.",
        ScanAgain = "Scan again",
        JoinThisGroup = "Join this group?",
        JoinThisGroupHint = "You scanned a group's QR code. Join to open its chat; if the group asks for approval, an admin lets you in.",
    };

    public static ScanStrings Chinese { get; } = new()
    {
        Scan = "扫一扫",
        MoreActions = "更多功能",
        CameraView = "相机画面",
        StartingCamera = "正在打开相机…",
        PointCamera = "将相机对准二维码，进入画面即可自动识别。",
        PickHint = "用相机扫描，或选择一张含有二维码的图片。",
        UseCamera = "用相机扫描",
        StopCamera = "关闭相机",
        ChooseImage = "选择图片",
        ReadingImage = "正在识别图片…",
        NoCodeFound = "这张图片中没有找到二维码。请换一张清晰、完整显示二维码的图片。",
        CameraDenied = "胡同无权使用相机。请在浏览器的网站设置中允许，或选择图片。",
        NoCamera = "没有找到相机。可以改为选择图片。",
        CameraUnsupported = "此浏览器无法在这里使用相机。可以改为选择图片。",
        NotHutongCode = "不是胡同二维码",
        CodeSays = "二维码内容：",
        LinksInCode = "其中的链接没有自动打开：确认可信后再打开。",
        NotSupportedYet = "暂不支持",
        NotSupportedHint = "当前版本的胡同还无法打开这个二维码。",
        InvalidCode = "这个胡同二维码无效",
        InvalidCodeHint = "二维码已损坏或不完整，请向对方索取新的二维码。",
        ScanAgain = "再扫一次",
        JoinThisGroup = "加入这个群聊？",
        JoinThisGroupHint = "你扫描了一个群二维码。加入后即可进入群聊；如果群聊需要审批，管理员同意后即可加入。",
    };
}
