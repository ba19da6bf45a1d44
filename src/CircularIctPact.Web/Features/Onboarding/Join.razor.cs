using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>The public application form; a static server-rendered form that works without JavaScript.</summary>
public sealed partial class Join
{
    private static readonly Dictionary<FormField, string> FieldsByDomainName = new()
    {
        [MembershipApplications.BuyerGroupField] = nameof(JoinInput.BuyerGroupId),
        [MembershipApplicationFields.LegalName] = nameof(JoinInput.LegalName),
        [MembershipApplicationFields.Sector] = nameof(JoinInput.Sector),
        [MembershipApplicationFields.Country] = nameof(JoinInput.Country),
        [MembershipApplicationFields.Website] = nameof(JoinInput.Website),
        [MembershipApplicationFields.ContactName] = nameof(JoinInput.ContactName),
        [MembershipApplicationFields.ContactEmail] = nameof(JoinInput.ContactEmail),
        [MembershipApplicationFields.ContactFunction] = nameof(JoinInput.ContactFunction),
        [MembershipApplicationFields.Motivation] = nameof(JoinInput.Motivation),
    };

    private IReadOnlyList<JoinableGroup> _groups = [];
    private EditContext _editContext = default!;
    private ValidationMessageStore _messages = default!;

    [Inject]
    private MembershipApplications Applications { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "join")]
    private JoinInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new JoinInput();
        _editContext = new EditContext(Input);
        _messages = new ValidationMessageStore(_editContext);
        _groups = await Applications.JoinableGroupsAsync();
    }

    private async Task SubmitAsync()
    {
        _messages.Clear();
        Guid? groupId = Guid.TryParse(Input.BuyerGroupId, out var parsed) ? parsed : null;
        try
        {
            var submitted = await Applications.SubmitAsync(groupId, new ApplicantDetails(
                Input.LegalName, Input.Sector, Input.Country, Input.Website, Input.SizeBand, Input.IctSpendBand,
                Input.ContactName, Input.ContactEmail, Input.ContactFunction, Input.Motivation));
            var organisation = Uri.EscapeDataString(submitted.LegalName);
            Navigation.NavigateTo($"join/submitted?organisation={organisation}&group={Uri.EscapeDataString(submitted.BuyerGroup)}");
        }
        catch (FieldErrorsException errors)
        {
            foreach (var error in errors.Errors)
            {
                var field = error.Field is { } domainField && FieldsByDomainName.TryGetValue(domainField, out var property)
                    ? property
                    : nameof(JoinInput.LegalName);
                _messages.Add(_editContext.Field(field), DomainMessageText.Of(error));
            }

            _editContext.NotifyValidationStateChanged();
        }
    }

    /// <summary>Every refused field in the order of the form, with its messages, for the summary above it.</summary>
    private IEnumerable<(string Property, string Message)> RefusedFields() =>
        FieldsByDomainName.Values.Distinct().SelectMany(property =>
            _editContext.GetValidationMessages(_editContext.Field(property)).Select(message => (property, message)));

    /// <summary>The posted form; everything is a string or nullable so that bad input reaches the domain's messages.</summary>
    public sealed class JoinInput
    {
        public string? BuyerGroupId { get; set; }

        public string? LegalName { get; set; }

        public Sector? Sector { get; set; }

        public string? Country { get; set; }

        public string? Website { get; set; }

        public SizeBand? SizeBand { get; set; }

        public IctSpendBand? IctSpendBand { get; set; }

        public string? ContactName { get; set; }

        public string? ContactEmail { get; set; }

        public string? ContactFunction { get; set; }

        public string? Motivation { get; set; }
    }
}
