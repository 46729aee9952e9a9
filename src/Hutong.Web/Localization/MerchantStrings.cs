namespace Hutong.Web.Localization;

/// <summary>The words of merchants: applying, the owner's screens (developer settings, money, orders and refunds) and the operators' review.</summary>
public sealed class MerchantStrings
{
    // The list and applying.
    public required string Merchant { get; init; }
    public required string Merchants { get; init; }
    public required string MerchantsHint { get; init; }
    public required string WalletEntryHint { get; init; }
    public required string BackToWallet { get; init; }
    public required string MyMerchants { get; init; }
    public required string NoMerchantsYet { get; init; }
    public required string Apply { get; init; }
    public required string ApplyTitle { get; init; }
    public required string ApplyIntro { get; init; }
    public required string ApplyAgain { get; init; }
    public required string Name { get; init; }
    public required string NameHint { get; init; }
    public required string NameRequired { get; init; }
    public required string ShortName { get; init; }
    public required string ShortNameHint { get; init; }
    public required string ShortNameRequired { get; init; }
    public required string Category { get; init; }
    public required string CategoryHint { get; init; }
    public required string CategoryRequired { get; init; }

    // A merchant and where it stands.
    public required string StatePending { get; init; }
    public required string StateApproved { get; init; }
    public required string StateRejected { get; init; }
    public required string StateLabel { get; init; }
    public required string PendingNote { get; init; }
    public required string RejectedNote { get; init; }
    public required string RejectReasonLabel { get; init; }
    public required string MerchantSections { get; init; }
    public required string Overview { get; init; }
    public required string DeveloperSettings { get; init; }
    public required string Money { get; init; }
    public required string Orders { get; init; }
    public required string MchId { get; init; }

    /// <summary>A merchant's row in the list: "mchid 1230000109".</summary>
    public required Func<string, string> MchIdIs { get; init; }
    public required string CopyMchIdByHand { get; init; }
    public required string AppliedAt { get; init; }
    public required string NextSteps { get; init; }
    public required string StepApiV3Key { get; init; }
    public required string StepApiKey { get; init; }
    public required string StepBindApp { get; init; }
    public required string StepDone { get; init; }

    /// <summary>Followed by <c>docs/payments.md</c>, as code.</summary>
    public required string DocsPointer { get; init; }

    // Developer settings.
    public required string DeveloperIntro { get; init; }
    public required string ApiV3Key { get; init; }
    public required string NewApiV3Key { get; init; }
    public required string ApiV3KeySet { get; init; }
    public required string ApiV3KeyNotSet { get; init; }
    public required string ApiV3KeyHint { get; init; }
    public required string ApiV3KeyInvalid { get; init; }
    public required string ApiV3KeySaved { get; init; }
    public required string Generate { get; init; }
    public required string KeepKeyNow { get; init; }
    public required string CopyKeyByHand { get; init; }
    public required string SaveKey { get; init; }
    public required string ReplaceKey { get; init; }
    public required string ApiKeys { get; init; }
    public required string ApiKeysHint { get; init; }
    public required string NoKeys { get; init; }
    public required string SerialNo { get; init; }
    public required Func<string, string> AddedAt { get; init; }
    public required string PublicKeyPem { get; init; }
    public required string PublicKeyPemHint { get; init; }
    public required string PublicKeyPemInvalid { get; init; }
    public required string AddKey { get; init; }
    public required Func<string, string> KeyAdded { get; init; }
    public required string Revoke { get; init; }
    public required Func<string, string> RevokeNamed { get; init; }
    public required string RevokeTitle { get; init; }
    public required string RevokeHint { get; init; }
    public required Func<string, string> KeyRevoked { get; init; }
    public required string Apps { get; init; }
    public required string AppsHint { get; init; }
    public required string NoApps { get; init; }
    public required string AppGone { get; init; }
    public required string AppId { get; init; }
    public required string AppIdHint { get; init; }
    public required string AppIdRequired { get; init; }
    public required string Bind { get; init; }
    public required Func<string, string> AppBound { get; init; }
    public required string Unbind { get; init; }
    public required Func<string, string> UnbindNamed { get; init; }
    public required Func<string, string> AppUnbound { get; init; }

    // Money.
    public required string Settled { get; init; }
    public required Func<string, string> UnsettledAmount { get; init; }
    public required string SettlementHint { get; init; }
    public required string PayOut { get; init; }
    public required Func<string, string> PayOutHint { get; init; }
    public required string PayOutToWallet { get; init; }
    public required Func<string, string> OverSettled { get; init; }

    /// <summary>A payout done: how much, and the wallet's balance after.</summary>
    public required Func<string, string, string> PaidOut { get; init; }

    // Orders and refunds.
    public required string NoOrders { get; init; }
    public required string LoadMore { get; init; }
    public required string AllOrders { get; init; }
    public required string OrderUnpaid { get; init; }
    public required string OrderPaid { get; init; }
    public required string OrderRefunded { get; init; }
    public required string OrderPartlyRefunded { get; init; }
    public required string OrderClosed { get; init; }
    public required string OrderAmount { get; init; }
    public required string RefundedLabel { get; init; }
    public required string TransactionId { get; init; }
    public required string OutTradeNo { get; init; }
    public required string TradeTypeLabel { get; init; }

    /// <summary>An order's kind by WeChat Pay's name (<c>JSAPI</c>, <c>NATIVE</c>), in words.</summary>
    public required Func<string, string> TradeType { get; init; }
    public required string CreatedAt { get; init; }
    public required string PaidAt { get; init; }
    public required string SettledAt { get; init; }
    public required string NotSettledYet { get; init; }
    public required string ExpiresAt { get; init; }
    public required string Refunds { get; init; }
    public required string NoRefunds { get; init; }
    public required string NoReason { get; init; }
    public required string RefundDone { get; init; }
    public required string RefundProcessing { get; init; }
    public required string Refund { get; init; }
    public required Func<string, string> RefundUpTo { get; init; }
    public required Func<string, string> RefundOverLeft { get; init; }
    public required string RefundReason { get; init; }
    public required string RefundReasonHint { get; init; }
    public required Func<string, string> Refunded { get; init; }
    public required string RefundNotEnough { get; init; }

    // The operators' review.
    public required string PendingMerchants { get; init; }
    public required string ReviewHint { get; init; }
    public required string NoMerchantsToReview { get; init; }
    public required Func<string, string> AppliedOn { get; init; }
    public required string RejectReasonHint { get; init; }
    public required Func<string, string> MerchantApproved { get; init; }
    public required Func<string, string> MerchantRejected { get; init; }
    public required string PlatformKey { get; init; }
    public required string PlatformKeyHint { get; init; }
    public required string RotatePlatformKey { get; init; }
    public required string RotateTitle { get; init; }
    public required string RotateHint { get; init; }
    public required string Rotate { get; init; }
    public required Func<string, string> PlatformKeyRotated { get; init; }

    public static MerchantStrings English { get; } = new()
    {
        Merchant = "Merchant",
        Merchants = "Merchants",
        MerchantsHint = "Choose a merchant to set it up, see its money and its orders.",
        WalletEntryHint = "Take payments in mini-programs, official accounts and by QR code",
        BackToWallet = "Back to the wallet",
        MyMerchants = "My merchants",
        NoMerchantsYet = "You have no merchant yet.",
        Apply = "Apply",
        ApplyTitle = "Apply for a merchant",
        ApplyIntro = "A merchant takes payments: in your mini-programs and official accounts, and from a QR code people scan. Its server talks to Hutong as to WeChat Pay (API v3). An operator reviews each application first.",
        ApplyAgain = "Apply again",
        Name = "Name",
        NameHint = "The business's full name, up to 64 characters.",
        NameRequired = "Give the business's name.",
        ShortName = "Short name",
        ShortNameHint = "What payers see on their bills, up to 20 characters.",
        ShortNameRequired = "Give the name payers will see.",
        Category = "Category",
        CategoryHint = "What it sells, such as \"Tea\" or \"Repairs\"; up to 32 characters.",
        CategoryRequired = "Say what the merchant sells.",
        StatePending = "Waiting for review",
        StateApproved = "Approved",
        StateRejected = "Rejected",
        StateLabel = "State",
        PendingNote = "Waiting for review: an operator approves a merchant before it can take payments.",
        RejectedNote = "An operator rejected this application: the merchant cannot take payments.",
        RejectReasonLabel = "Why:",
        MerchantSections = "Merchant sections",
        Overview = "Overview",
        DeveloperSettings = "Developer settings",
        Money = "Money",
        Orders = "Orders",
        MchId = "Merchant ID (mchid)",
        MchIdIs = mchId => $"mchid {mchId}",
        CopyMchIdByHand = "This browser did not allow copying: select the ID and copy it yourself.",
        AppliedAt = "Applied",
        NextSteps = "Before your server takes payments",
        StepApiV3Key = "Set the API v3 key",
        StepApiKey = "Upload an API key",
        StepBindApp = "Bind an app",
        StepDone = "done",
        DocsPointer = "How the server signs its calls, reads notifications and refunds, in Hutong's repository:",
        DeveloperIntro = "Your server signs each /v3 call with an API key, and decrypts Hutong's notifications with the API v3 key.",
        ApiV3Key = "API v3 key",
        NewApiV3Key = "New API v3 key",
        ApiV3KeySet = "A key is set. Saving another replaces it.",
        ApiV3KeyNotSet = "No key is set yet: the merchant cannot take payments until it has one.",
        ApiV3KeyHint = "32 letters and digits. Hutong never shows it again: keep a copy where your server can read it.",
        ApiV3KeyInvalid = "An API v3 key is exactly 32 letters and digits.",
        ApiV3KeySaved = "The API v3 key is saved. Hutong will not show it again.",
        Generate = "Generate",
        KeepKeyNow = "Keep this key now, before you save it: Hutong never shows it again.",
        CopyKeyByHand = "This browser did not allow copying: select the key and copy it yourself.",
        SaveKey = "Save key",
        ReplaceKey = "Replace key",
        ApiKeys = "API keys",
        ApiKeysHint = "Your server signs with its private key; Hutong checks with the public key pasted here. Up to 5 at once, so a key can be rolled over without a gap.",
        NoKeys = "No API key yet.",
        SerialNo = "Serial number",
        AddedAt = at => $"Added {at}",
        PublicKeyPem = "Public key (PEM)",
        PublicKeyPemHint = "An RSA public key or certificate of 2,048 to 4,096 bits, from -----BEGIN to -----END. Its serial number is your serial_no.",
        PublicKeyPemInvalid = "Paste the key as PEM, from its -----BEGIN line to its -----END line.",
        AddKey = "Add key",
        KeyAdded = serial => $"Key {serial} added.",
        Revoke = "Revoke",
        RevokeNamed = serial => $"Revoke key {serial}",
        RevokeTitle = "Revoke this key?",
        RevokeHint = "Calls signed with it are refused from now on, and it cannot be added again.",
        KeyRevoked = serial => $"Key {serial} revoked.",
        Apps = "Apps",
        AppsHint = "An order names one of these as its appid. Bind the official accounts you own and the mini-programs you develop.",
        NoApps = "No app is bound yet.",
        AppGone = "An app that is gone",
        AppId = "App ID",
        AppIdHint = "The app ID of an official account you own or a mini-program you develop.",
        AppIdRequired = "Type the app ID to bind.",
        Bind = "Bind",
        AppBound = name => $"{name} is bound.",
        Unbind = "Unbind",
        UnbindNamed = name => $"Unbind {name}",
        AppUnbound = name => $"{name} is unbound.",
        Settled = "Settled",
        UnsettledAmount = amount => $"{amount} still to settle.",
        SettlementHint = "A paid order settles a day after payment, less its refunds. Settled money can be paid out to your wallet.",
        PayOut = "Pay out to my wallet",
        PayOutHint = settled => $"Up to {settled}.",
        PayOutToWallet = "Payout to my wallet",
        OverSettled = settled => $"More than is settled: {settled} can be paid out.",
        PaidOut = (amount, balance) => $"{amount} paid out. Your wallet now holds {balance}.",
        NoOrders = "No orders yet. Orders your server makes through /v3 show here.",
        LoadMore = "Load more",
        AllOrders = "All orders",
        OrderUnpaid = "Unpaid",
        OrderPaid = "Paid",
        OrderRefunded = "Refunded",
        OrderPartlyRefunded = "Partly refunded",
        OrderClosed = "Closed",
        OrderAmount = "Amount",
        RefundedLabel = "Refunded",
        TransactionId = "Transaction ID",
        OutTradeNo = "Your order number",
        TradeTypeLabel = "Kind",
        TradeType = kind => kind switch
        {
            "JSAPI" => "In an app (JSAPI)",
            "NATIVE" => "QR code (Native)",
            _ => kind,
        },
        CreatedAt = "Created",
        PaidAt = "Paid",
        SettledAt = "Settled",
        NotSettledYet = "Not yet",
        ExpiresAt = "Payable until",
        Refunds = "Refunds",
        NoRefunds = "No refunds.",
        NoReason = "No reason given",
        RefundDone = "done",
        RefundProcessing = "processing",
        Refund = "Refund",
        RefundUpTo = left => $"Up to {left}: it goes back to the payer's wallet at once.",
        RefundOverLeft = left => $"More than is left to refund: {left}.",
        RefundReason = "Reason (optional)",
        RefundReasonHint = "For your records; up to 80 characters.",
        Refunded = amount => $"{amount} refunded to the payer.",
        RefundNotEnough = "The merchant's settled money cannot cover this refund now. Try again once more has settled.",
        PendingMerchants = "Merchants waiting",
        ReviewHint = "A merchant takes payments only once an operator approves it; a rejection tells its owner why.",
        NoMerchantsToReview = "No merchant waits for review.",
        AppliedOn = at => $"applied {at}",
        RejectReasonHint = "Say why, for the merchant's owner.",
        MerchantApproved = name => $"{name} is approved.",
        MerchantRejected = name => $"{name} is rejected; its owner sees why.",
        PlatformKey = "Platform payment key",
        PlatformKeyHint = "It signs every /v3 answer and notification. A rotated key stays listed and valid for 7 days, so merchants can fetch the new certificate first.",
        RotatePlatformKey = "Rotate platform payment key",
        RotateTitle = "Rotate the platform payment key?",
        RotateHint = "A new key signs every /v3 answer and notification from now on. The old one stays valid for 7 days.",
        Rotate = "Rotate",
        PlatformKeyRotated = serial => $"Key {serial} signs from now on.",
    };

    public static MerchantStrings Chinese { get; } = new()
    {
        Merchant = "商户",
        Merchants = "商户",
        MerchantsHint = "选择一个商户，进行设置、查看资金和订单。",
        WalletEntryHint = "在小程序、公众号中收款，或扫码收款",
        BackToWallet = "返回钱包",
        MyMerchants = "我的商户",
        NoMerchantsYet = "你还没有商户。",
        Apply = "申请",
        ApplyTitle = "申请成为商户",
        ApplyIntro = "商户可以收款：在你的小程序和公众号中，以及通过顾客扫描的二维码。商户的服务器像对接微信支付（API v3）一样对接胡同。每个申请先由运营人员审核。",
        ApplyAgain = "重新申请",
        Name = "商户全称",
        NameHint = "经营主体的全称，最多 64 个字符。",
        NameRequired = "请填写商户全称。",
        ShortName = "商户简称",
        ShortNameHint = "付款人账单上显示的名称，最多 20 个字符。",
        ShortNameRequired = "请填写付款人看到的名称。",
        Category = "经营类目",
        CategoryHint = "经营的内容，例如“茶叶”或“维修”，最多 32 个字符。",
        CategoryRequired = "请填写经营类目。",
        StatePending = "审核中",
        StateApproved = "已通过",
        StateRejected = "未通过",
        StateLabel = "状态",
        PendingNote = "审核中：运营人员通过后，商户才能收款。",
        RejectedNote = "运营人员没有通过这个申请：商户不能收款。",
        RejectReasonLabel = "原因：",
        MerchantSections = "商户功能",
        Overview = "概览",
        DeveloperSettings = "开发配置",
        Money = "资金",
        Orders = "订单",
        MchId = "商户号（mchid）",
        MchIdIs = mchId => $"商户号 {mchId}",
        CopyMchIdByHand = "浏览器不允许复制：请选中商户号后手动复制。",
        AppliedAt = "申请时间",
        NextSteps = "服务器收款前需要完成",
        StepApiV3Key = "设置 APIv3 密钥",
        StepApiKey = "上传 API 证书密钥",
        StepBindApp = "绑定应用",
        StepDone = "已完成",
        DocsPointer = "服务器如何签名调用、读取通知和退款，见胡同代码仓库中的",
        DeveloperIntro = "你的服务器用 API 密钥为每个 /v3 调用签名，用 APIv3 密钥解密胡同的通知。",
        ApiV3Key = "APIv3 密钥",
        NewApiV3Key = "新的 APIv3 密钥",
        ApiV3KeySet = "已设置密钥。保存新的密钥会替换它。",
        ApiV3KeyNotSet = "尚未设置密钥：设置之前商户不能收款。",
        ApiV3KeyHint = "32 位字母和数字。胡同不会再次显示：请把它保存在服务器能读取的地方。",
        ApiV3KeyInvalid = "APIv3 密钥必须是 32 位字母和数字。",
        ApiV3KeySaved = "APIv3 密钥已保存，胡同不会再次显示。",
        Generate = "随机生成",
        KeepKeyNow = "请在保存前记下这个密钥：胡同不会再次显示。",
        CopyKeyByHand = "浏览器不允许复制：请选中密钥后手动复制。",
        SaveKey = "保存密钥",
        ReplaceKey = "替换密钥",
        ApiKeys = "API 密钥",
        ApiKeysHint = "服务器用私钥签名，胡同用这里粘贴的公钥验证。最多同时使用 5 个，方便无缝轮换。",
        NoKeys = "还没有 API 密钥。",
        SerialNo = "序列号",
        AddedAt = at => $"添加于 {at}",
        PublicKeyPem = "公钥（PEM）",
        PublicKeyPemHint = "2048 到 4096 位的 RSA 公钥或证书，从 -----BEGIN 到 -----END。它的序列号就是你的 serial_no。",
        PublicKeyPemInvalid = "请粘贴 PEM 格式的密钥，从 -----BEGIN 一行到 -----END 一行。",
        AddKey = "添加密钥",
        KeyAdded = serial => $"已添加密钥 {serial}。",
        Revoke = "吊销",
        RevokeNamed = serial => $"吊销密钥 {serial}",
        RevokeTitle = "吊销这个密钥？",
        RevokeHint = "此后用它签名的调用都会被拒绝，而且不能再添加它。",
        KeyRevoked = serial => $"已吊销密钥 {serial}。",
        Apps = "应用",
        AppsHint = "订单的 appid 必须是这里的应用之一。可以绑定你拥有的公众号和你开发的小程序。",
        NoApps = "还没有绑定应用。",
        AppGone = "已不存在的应用",
        AppId = "AppID",
        AppIdHint = "你拥有的公众号或你开发的小程序的 AppID。",
        AppIdRequired = "请填写要绑定的 AppID。",
        Bind = "绑定",
        AppBound = name => $"已绑定 {name}。",
        Unbind = "解除绑定",
        UnbindNamed = name => $"解除绑定 {name}",
        AppUnbound = name => $"已解除绑定 {name}。",
        Settled = "已结算",
        UnsettledAmount = amount => $"待结算 {amount}。",
        SettlementHint = "已支付的订单在支付一天后结算（扣除退款）。已结算的资金可以提取到你的钱包。",
        PayOut = "提取到我的钱包",
        PayOutHint = settled => $"最多 {settled}。",
        PayOutToWallet = "提取到我的钱包",
        OverSettled = settled => $"超过已结算金额：最多可提取 {settled}。",
        PaidOut = (amount, balance) => $"已提取 {amount}，钱包余额 {balance}。",
        NoOrders = "还没有订单。服务器通过 /v3 创建的订单会显示在这里。",
        LoadMore = "加载更多",
        AllOrders = "全部订单",
        OrderUnpaid = "未支付",
        OrderPaid = "已支付",
        OrderRefunded = "已退款",
        OrderPartlyRefunded = "部分退款",
        OrderClosed = "已关闭",
        OrderAmount = "金额",
        RefundedLabel = "已退款",
        TransactionId = "支付单号",
        OutTradeNo = "商户订单号",
        TradeTypeLabel = "支付方式",
        TradeType = kind => kind switch
        {
            "JSAPI" => "应用内支付（JSAPI）",
            "NATIVE" => "扫码支付（Native）",
            _ => kind,
        },
        CreatedAt = "创建时间",
        PaidAt = "支付时间",
        SettledAt = "结算时间",
        NotSettledYet = "尚未结算",
        ExpiresAt = "支付截止",
        Refunds = "退款记录",
        NoRefunds = "没有退款。",
        NoReason = "未填写原因",
        RefundDone = "退款成功",
        RefundProcessing = "处理中",
        Refund = "退款",
        RefundUpTo = left => $"最多 {left}，立即退回付款人的钱包。",
        RefundOverLeft = left => $"超过可退金额：最多 {left}。",
        RefundReason = "退款原因（选填）",
        RefundReasonHint = "供你备查，最多 80 个字符。",
        Refunded = amount => $"已向付款人退款 {amount}。",
        RefundNotEnough = "商户的已结算资金暂时不足以退款，请等更多订单结算后再试。",
        PendingMerchants = "待审核的商户",
        ReviewHint = "商户要经运营人员审核通过才能收款；不通过时，申请人会看到原因。",
        NoMerchantsToReview = "没有待审核的商户。",
        AppliedOn = at => $"申请于 {at}",
        RejectReasonHint = "请写明原因，商户申请人会看到。",
        MerchantApproved = name => $"{name} 已通过审核。",
        MerchantRejected = name => $"{name} 未通过审核，申请人会看到原因。",
        PlatformKey = "平台支付密钥",
        PlatformKeyHint = "它为每个 /v3 应答和通知签名。轮换后旧密钥仍在列表中并有效 7 天，商户可以先获取新证书。",
        RotatePlatformKey = "轮换平台支付密钥",
        RotateTitle = "轮换平台支付密钥？",
        RotateHint = "从现在起由新密钥为每个 /v3 应答和通知签名，旧密钥还有效 7 天。",
        Rotate = "轮换",
        PlatformKeyRotated = serial => $"从现在起由密钥 {serial} 签名。",
    };
}
