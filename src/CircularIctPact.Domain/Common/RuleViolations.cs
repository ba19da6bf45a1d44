namespace CircularIctPact.Domain.Common;

/// <summary>
/// Collects the broken rules of one check, so a form learns every problem at once instead of one per submit:
/// <c>var rules = new RuleViolations(); var title = rules.Required(...); …; rules.ThrowIfAny();</c>.
/// </summary>
public sealed class RuleViolations
{
    private readonly List<RuleViolation> _violations = [];

    public bool Any => _violations.Count > 0;

    public IReadOnlyList<RuleViolation> All => _violations;

    /// <summary>Records a broken rule about <paramref name="field"/>.</summary>
    /// <param name="field">The input the rule concerns.</param>
    /// <param name="format">The English composite format, also the key of its translations.</param>
    /// <param name="arguments">The values the format names.</param>
    public void Report(FormField field, string format, params object?[] arguments) =>
        _violations.Add(new RuleViolation(field, format, arguments));

    /// <summary>Records every rule of <paramref name="exception"/>.</summary>
    public void Report(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _violations.AddRange(exception.Violations);
    }

    /// <summary>Records the rules a value object or another check broke; returns its value, or the default when it broke one.</summary>
    /// <typeparam name="T">What the check returns.</typeparam>
    public T? Check<T>(Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (DomainException exception)
        {
            Report(exception);
            return default;
        }
    }

    /// <summary>Runs a check that throws at its first broken rule, recording that rule instead.</summary>
    /// <returns>True when the check passed.</returns>
    public bool Check(Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
            return true;
        }
        catch (DomainException exception)
        {
            Report(exception);
            return false;
        }
    }

    /// <summary>The trimmed text; records a broken rule when it is empty or longer than <paramref name="maxLength"/>.</summary>
    public string Required(string? value, FormField field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Report(field, "{0} is required.", field);
            return string.Empty;
        }

        return TooLong(trimmed, field, maxLength);
    }

    /// <summary>The trimmed text or null when empty; records a broken rule when longer than <paramref name="maxLength"/>.</summary>
    public string? Optional(string? value, FormField field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : TooLong(trimmed, field, maxLength);
    }

    /// <summary>Throws one <see cref="DomainException"/> carrying every recorded rule, when any was broken.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new DomainException([.. _violations]);
        }
    }

    private string TooLong(string trimmed, FormField field, int maxLength)
    {
        if (trimmed.Length > maxLength)
        {
            Report(field, "{0} can be at most {1} characters.", field, maxLength);
        }

        return trimmed;
    }
}
