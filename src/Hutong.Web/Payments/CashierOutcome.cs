using Hutong.Contracts.Wallet;

namespace Hutong.Web.Payments;

/// <summary>How the cashier closed: paid, cancelled by the person, or refused, so that nothing could be paid.</summary>
public abstract record CashierOutcome;

/// <summary>The payment went through; <see cref="Receipt"/> is the payer's view of it.</summary>
public sealed record CashierPaid(PaymentResult Receipt) : CashierOutcome;

/// <summary>The person closed the cashier without paying (a wrong PIN or too little money, tried and left, is this too).</summary>
public sealed record CashierCancelled : CashierOutcome;

/// <summary>
/// Nothing could be paid: the node refused the order (it is not signed by its merchant, paid already, closed, ...) or
/// could not be reached.
/// </summary>
/// <param name="Code">The error code (<c>bad_pay_sign</c>, <c>order_paid</c>, ...); null when the node did not answer.</param>
/// <param name="Detail">The node's own words for a developer (the fields of a malformed request), when it gave any.</param>
/// <param name="Message">What the person was shown, in their language.</param>
public sealed record CashierRefused(string? Code, string? Detail, string Message) : CashierOutcome;
