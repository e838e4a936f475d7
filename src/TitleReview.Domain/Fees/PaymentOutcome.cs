namespace TitleReview.Domain.Fees;

/// <summary>The office's finding when it reconciles a unit's payment against the bank.</summary>
public enum PaymentOutcome
{
    /// <summary>已缴清: the money received equals the amount due.</summary>
    Paid = 1,

    /// <summary>少缴: less than due was received; the unit may transfer the rest.</summary>
    Short = 2,

    /// <summary>多缴: more than due was received; the office notes how the difference is settled.</summary>
    Overpaid = 3,
}

public static class PaymentOutcomes
{
    public static string DisplayName(PaymentOutcome outcome) => outcome switch
    {
        PaymentOutcome.Paid => "已缴清",
        PaymentOutcome.Short => "少缴",
        PaymentOutcome.Overpaid => "多缴",
        _ => outcome.ToString(),
    };

    /// <summary>What the money received comes to against the amount due.</summary>
    public static PaymentOutcome Compare(decimal received, decimal due) =>
        received == due ? PaymentOutcome.Paid : received < due ? PaymentOutcome.Short : PaymentOutcome.Overpaid;
}
