namespace NetTerm.Core.Profiles;

/// <summary>What to do with a line the user entered, decided by the profile before anything is sent.</summary>
public abstract record SubmitReview
{
    /// <summary>Send it as it is.</summary>
    public static SubmitReview Send { get; } = new SendLine();

    public sealed record SendLine : SubmitReview;

    /// <summary>Ask first (an out-of-sequence command, AUTH in the clear). Headless: refused with <see cref="Confirmation.Refusal"/>.</summary>
    public sealed record Confirm(Confirmation Confirmation) : SubmitReview;

    /// <summary>Open a form instead (AUTH without data); the form's submit sends what it computes.</summary>
    public sealed record OpenForm(FormRequest Form) : SubmitReview;

    /// <summary>Do not send; tell the user why.</summary>
    public sealed record Refuse(string Reason) : SubmitReview;
}
