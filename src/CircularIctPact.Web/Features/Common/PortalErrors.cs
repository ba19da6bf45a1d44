using CircularIctPact.Domain.Common;

namespace CircularIctPact.Web.Features.Common;

// Each exception carries its message as a RuleViolation (an English composite format and its arguments, the format being the
// key of Resources/DomainMessages), so DomainMessageText says it in the person's language; Message stays English, for logs.

/// <summary>The caller may not do this to this resource. Pages show the message; APIs answer 403.</summary>
public sealed class ForbiddenException : Exception
{
    public const string DefaultMessage = "You do not have access to this.";

    public ForbiddenException()
        : this(DefaultMessage)
    {
    }

    /// <param name="message">The English message, also the key of its translations.</param>
    public ForbiddenException(string message)
        : this(new RuleViolation(null, message))
    {
    }

    /// <param name="format">The English composite format, also the key of its translations.</param>
    /// <param name="arguments">The values the format names.</param>
    public ForbiddenException(string format, params object?[] arguments)
        : this(new RuleViolation(null, format, arguments))
    {
    }

    /// <summary>A refusal worded by the caller's caller, such as a service's own reason passed to a shared check.</summary>
    public ForbiddenException(RuleViolation reason)
        : base(reason?.ToString()) => Reason = reason ?? throw new ArgumentNullException(nameof(reason));

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException) => Reason = new RuleViolation(null, message);

    /// <summary>Why the caller is refused, as a format and its arguments.</summary>
    public RuleViolation Reason { get; }
}

/// <summary>The resource does not exist (or the caller may not know it exists).</summary>
public sealed class NotFoundException : Exception
{
    public const string DefaultMessage = "This record does not exist.";

    public NotFoundException()
        : this(DefaultMessage)
    {
    }

    /// <param name="message">The English message, also the key of its translations.</param>
    public NotFoundException(string message)
        : this(new RuleViolation(null, message))
    {
    }

    /// <param name="format">The English composite format, also the key of its translations.</param>
    /// <param name="arguments">The values the format names.</param>
    public NotFoundException(string format, params object?[] arguments)
        : this(new RuleViolation(null, format, arguments))
    {
    }

    /// <summary>A message worded by the caller's caller, such as what a shared loader says when the record is gone.</summary>
    public NotFoundException(RuleViolation reason)
        : base(reason?.ToString()) => Reason = reason ?? throw new ArgumentNullException(nameof(reason));

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException) => Reason = new RuleViolation(null, message);

    /// <summary>What does not exist, as a format and its arguments.</summary>
    public RuleViolation Reason { get; }
}

/// <summary>
/// Someone else saved the record after the caller loaded it. <see cref="Current"/> holds the values
/// now in the database, so the page can show the other person's change next to the caller's.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : this(DefaultMessage)
    {
    }

    /// <param name="message">The English message, also the key of its translations.</param>
    public ConcurrencyConflictException(string message)
        : base(message) => Reason = new RuleViolation(null, message);

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException) => Reason = new RuleViolation(null, message);

    public ConcurrencyConflictException(object? current)
        : this(DefaultMessage) => Current = current;

    public const string DefaultMessage =
        "Someone else saved this record after you opened it. Their version is shown below; nothing of yours was saved. Review it and save "
            + "again.";

    public object? Current { get; }

    /// <summary>What happened, as a format the page shows in the person's language.</summary>
    public RuleViolation Reason { get; }
}
