using System.Globalization;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>The version number of a criteria set, e.g. 1.0, 1.1, 2.0; ordered numerically (1.10 after 1.9).</summary>
public sealed record CriteriaVersion : IComparable<CriteriaVersion>
{
    public const int MaxLength = 11;

    public CriteriaVersion(int major, int minor)
    {
        if (major < 1 || major > 999 || minor < 0 || minor > 999)
        {
            throw new DomainException(
                CriteriaSetFields.Version,
                "A version number is a major version from 1 and a minor version from 0, e.g. 2.0.");
        }

        Major = major;
        Minor = minor;
    }

    public int Major { get; }

    public int Minor { get; }

    public static CriteriaVersion Parse(string? value, FormField? field = null)
    {
        if (TryParse(value, out var version))
        {
            return version;
        }

        throw new DomainException(
            field ?? CriteriaSetFields.Version,
            "'{0}' is not a version number; write it as major.minor, e.g. 2.0.",
            value);
    }

    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CriteriaVersion? version)
    {
        version = null;
        var parts = value?.Trim().Split('.');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || major < 1 || major > 999 || minor > 999)
        {
            return false;
        }

        version = new CriteriaVersion(major, minor);
        return true;
    }

    /// <summary>The next minor version (2.0 → 2.1).</summary>
    public CriteriaVersion NextMinor() => new(Major, Minor + 1);

    /// <summary>The next major version (2.1 → 3.0).</summary>
    public CriteriaVersion NextMajor() => new(Major + 1, 0);

    public int CompareTo(CriteriaVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(CriteriaVersion left, CriteriaVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(CriteriaVersion left, CriteriaVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(CriteriaVersion left, CriteriaVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CriteriaVersion left, CriteriaVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
