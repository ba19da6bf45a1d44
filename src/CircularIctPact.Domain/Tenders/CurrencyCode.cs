using System.Collections.Frozen;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tenders;

/// <summary>An active ISO 4217 currency code, upper case (e.g. <c>EUR</c>).</summary>
public static class CurrencyCode
{
    public const int Length = 3;

    // ISO 4217 active alphabetic codes.
    private static readonly FrozenSet<string> Active = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF " +
        "CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG " +
        "HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA " +
        "MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD " +
        "RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX " +
        "USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    public static bool IsValid(string? value) =>
        value is not null && Active.Contains(value.Trim().ToUpperInvariant());

    /// <summary>The code in upper case, or a message naming the field when it is not an ISO 4217 code.</summary>
    public static string Parse(string? value, FormField? field = null)
    {
        var input = field ?? TenderFields.Currency;
        var normalised = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised))
        {
            throw new DomainException(input, "{0} is required.", input);
        }

        return Active.Contains(normalised)
            ? normalised
            : throw new DomainException(input, "'{0}' is not an ISO 4217 currency code (three letters, e.g. EUR, GBP, CHF).", value);
    }
}
