namespace CircularIctPact.Domain.Common;

/// <summary>
/// One or more business rules were broken. Each <see cref="RuleViolation"/> is a message format and its arguments, so the
/// portal can say it in the person's language; <see cref="Exception.Message"/> is the English text, for logs.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>A broken rule that concerns the whole form rather than one of its inputs.</summary>
    /// <param name="message">The English message, also the key of its translations.</param>
    public DomainException(string message)
        : this(null, message)
    {
    }

    /// <summary>A broken rule about the input <paramref name="field"/>, so a form can show the message beside it.</summary>
    /// <param name="field">The input the rule concerns; null when it concerns the whole form.</param>
    /// <param name="format">The English composite format, also the key of its translations.</param>
    /// <param name="arguments">The values the format names; a <see cref="FormField"/> is shown as its label.</param>
    public DomainException(FormField? field, string format, params object?[] arguments)
        : this([new RuleViolation(field, format, arguments)])
    {
    }

    /// <summary>Every rule a check found broken, so a form can show all of them at once.</summary>
    public DomainException(IReadOnlyList<RuleViolation> violations)
        : base(string.Join(" ", violations ?? throw new ArgumentNullException(nameof(violations))))
    {
        if (violations.Count == 0)
        {
            throw new ArgumentException("A domain exception needs at least one broken rule.", nameof(violations));
        }

        Violations = violations;
    }

    public DomainException()
        : this("The input is not valid.")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException) => Violations = [new RuleViolation(null, message)];

    /// <summary>The broken rules, in the order the check found them; never empty.</summary>
    public IReadOnlyList<RuleViolation> Violations { get; }

    /// <summary>The input field the first broken rule concerns, when there is one.</summary>
    public FormField? Field => Violations[0].Field;
}
