using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// One problem in an import file: the spreadsheet row (the header is row 1), the column (none for the whole file) and
/// what is wrong, as a message format the page shows in the person's language (<see cref="DomainMessageText"/>).
/// </summary>
public sealed record ImportProblem(int Row, string? Column, RuleViolation Violation)
{
    /// <summary>The problem in English, for logs and tests.</summary>
    public string Message => Violation.ToString();
}

/// <summary>Collects the problems of one import file in the order they are found.</summary>
public sealed class ImportProblems
{
    private readonly List<ImportProblem> _problems = [];

    public int Count => _problems.Count;

    public IReadOnlyList<ImportProblem> All => _problems;

    /// <summary>Records a problem; <paramref name="format"/> is the English text and the key of its translations.</summary>
    public void Report(int row, string? column, string format, params object?[] arguments) =>
        _problems.Add(new ImportProblem(row, column, new RuleViolation(null, format, arguments)));

    /// <summary>Records the broken rules of a domain check on a cell.</summary>
    public void Report(int row, string column, DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _problems.AddRange(exception.Violations.Select(violation => new ImportProblem(row, column, violation)));
    }
}
