namespace CircularIctPact.Web.Features.Common;

/// <summary>The caller may not do this to this resource. Pages show the message; APIs answer 403.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException()
        : base("You do not have access to this.")
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The resource does not exist (or the caller may not know it exists).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("This record does not exist.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Someone else saved the record after the caller loaded it. <see cref="Current"/> holds the values
/// now in the database, so the page can show the other person's change next to the caller's.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base(DefaultMessage)
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConcurrencyConflictException(object? current)
        : base(DefaultMessage) => Current = current;

    public const string DefaultMessage =
        "Someone else saved this record after you opened it. Their version is shown below; nothing of yours was saved. Review it and save "
            + "again.";

    public object? Current { get; }
}
