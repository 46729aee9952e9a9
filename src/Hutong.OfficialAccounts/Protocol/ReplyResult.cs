namespace Hutong.OfficialAccounts.Protocol;

/// <summary>What a developer's response to a push amounts to. The cases are closed: a consumer switches on them.</summary>
internal abstract record ReplyResult
{
    private ReplyResult()
    {
    }

    /// <summary>
    /// <c>success</c> or an empty body: the developer answers later, if at all, through the customer-service API, and
    /// WeChat neither retries nor tells the follower anything.
    /// </summary>
    public sealed record NoReply : ReplyResult;

    /// <summary>A reply to show; <paramref name="WasEncrypted"/> tells safe mode's caller whether it came sealed.</summary>
    public sealed record Reply(PassiveReply Message, bool WasEncrypted) : ReplyResult;

    /// <summary>
    /// Anything else. WeChat shows the follower "this account cannot provide service right now"; the reason is for
    /// the developer's delivery log.
    /// </summary>
    public sealed record Invalid(string Reason) : ReplyResult;
}
