using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Events;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CircularIctPact.Web.Features.Events;

/// <summary>
/// Organising a new event or changing one with the portal's MudBlazor inputs: refused input stays as typed with the
/// message beside its field, and a conflict shows the stored version above the organiser's own changes.
/// </summary>
public sealed partial class EventEditPage
{
    private const string ConflictMessage =
        "Someone else changed this event after you opened it; nothing of yours was saved. Review it and save again.";

    private readonly PageOperation _operation = new();
    private EventForm? _input;
    private IReadOnlyList<OrganiserScope> _scopes = [];
    private StoredEvent? _stored;
    private string? _problem;
    private bool _interactive;

    [Inject]
    private PactEvents Events { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The prerendering request, present only then: a refusal sets its status code so it is not answered with 200.</summary>
    [CascadingParameter]
    private HttpContext? PrerenderingRequest { get; set; }

    [Parameter]
    public Guid? Id { get; set; }

    /// <summary>The form, scopes or refusal prerendering read, so the circuit does not read them again.</summary>
    [PersistentState]
    public EventEditState? Prerendered { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Prerendered is { } prerendered)
        {
            (_input, _scopes, _problem) = (prerendered.Form, prerendered.Scopes, prerendered.Problem);
            return;
        }

        await LoadAsync((await AuthenticationState).User);
        Prerendered = new EventEditState(_input, _scopes, _problem);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task LoadAsync(ClaimsPrincipal user)
    {
        if (Id is { } id)
        {
            try
            {
                var view = await Events.GetAsync(id, user);
                if (!view.CanManage)
                {
                    Refuse("Only the organisers of this event can do this.", StatusCodes.Status403Forbidden);
                    return;
                }

                _input = EventForm.From(view.Details, view.RowVersion);
            }
            catch (NotFoundException)
            {
                Refuse("This event does not exist, or it is for members only.", StatusCodes.Status404NotFound);
            }

            return;
        }

        _scopes = await Events.OrganiserScopesAsync(user);
        if (_scopes.Count == 0)
        {
            Refuse("Only the secretariat, coordinators and working-group chairs organise events.", StatusCodes.Status403Forbidden);
            return;
        }

        _input = EventForm.ForNewEvent();
        _input.Scope = _scopes[0].Value;
    }

    private async Task SaveAsync()
    {
        if (_problem is not null || _input is null)
        {
            return;
        }

        var input = _input;
        Guid? saved = null;
        await _operation.RunAsync(async () =>
        {
            var user = (await AuthenticationState).User;
            var details = input.ToDetails();
            if (Id is { } id)
            {
                await Events.UpdateAsync(id, input.RowVersion, details, user);
                saved = id;
            }
            else
            {
                saved = await Events.CreateAsync(details, input.Scope ?? string.Empty, user);
            }
        });
        if (saved is { } savedId)
        {
            Navigation.NavigateTo($"/events/{savedId}?done=saved");
            return;
        }

        if (_operation.Conflict<StoredEvent>() is { } stored)
        {
            // The organiser's values stay in the form; saving again now deliberately replaces the stored version.
            _stored = stored;
            input.RowVersion = stored.RowVersion;
            _operation.ClearConflict();
        }
        else if (_operation.Message is { } message)
        {
            _problem = message;
        }
    }

    private void Refuse(string message, int statusCode)
    {
        _problem = message;
        if (PrerenderingRequest is { Response.HasStarted: false } request)
        {
            request.Response.StatusCode = statusCode;
        }
    }

    private string? ErrorFor(FormField field) => _operation.Errors.For(field) is { } message ? T[message].Value : null;

    private IReadOnlyList<ContentField> TranslatedFields =>
    [
        new(PactEventFields.Title, T["Title"], PactEvent.TitleMaxLength),
        new(PactEventFields.Description, T["Description"], PactEvent.DescriptionMaxLength, Lines: 5),
    ];
}

/// <summary>What the event editor read while prerendering: the filled form and the scopes to choose from, or the refusal.</summary>
public sealed record EventEditState(EventForm? Form, IReadOnlyList<OrganiserScope> Scopes, string? Problem);

/// <summary>
/// The event form. Every value is kept as the text that was typed, so refused input stays exactly as typed;
/// <see cref="ToDetails"/> turns it into the event's details, refusing what cannot be read with the field's name.
/// </summary>
public sealed class EventForm
{
    // Inputs that only this form reads as text; the event's own rules name the others (PactEventFields).
    public static readonly FormField KindField = new(nameof(Kind));
    public static readonly FormField StartsAtField = new(nameof(StartsAt));

    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly DateTime StandInStart = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Unspecified);

    public string? Scope { get; set; }

    /// <summary>The language the organiser writes title and description in.</summary>
    public CriteriaLanguage Language { get; set; } = ReaderLanguage.Current;

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<TranslationDraft> Translations { get; set; } = [];

    public string? Kind { get; set; }

    /// <summary>The local start in <see cref="TimeZone"/>, as a datetime-local input gives it.</summary>
    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    public string? TimeZone { get; set; }

    public string? OnlineLink { get; set; }

    public string? Place { get; set; }

    public string? Capacity { get; set; }

    public string? Audience { get; set; }

    public uint RowVersion { get; set; }

    public static EventForm ForNewEvent() => new() { TimeZone = EventTimeZones.Offered[0], Capacity = "30" };

    public static EventForm From(EventDetails details, uint rowVersion)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new EventForm
        {
            Language = details.Language,
            Title = details.Title,
            Description = details.Description,
            Translations = TranslationDraft.From(
                details.Translations ?? [],
                text => [(PactEventFields.Title, text.Title), (PactEventFields.Description, text.Description)]),
            Kind = details.Kind.ToString(),
            StartsAt = EventTimeZones.Local(details.StartsAt, details.TimeZoneId).ToString(LocalFormat, CultureInfo.InvariantCulture),
            EndsAt = EventTimeZones.Local(details.EndsAt, details.TimeZoneId).ToString(LocalFormat, CultureInfo.InvariantCulture),
            TimeZone = details.TimeZoneId,
            OnlineLink = details.OnlineLink,
            Place = details.Place,
            Capacity = details.Capacity.ToString(CultureInfo.InvariantCulture),
            Audience = details.Audience.ToString(),
            RowVersion = rowVersion,
        };
    }

    /// <summary>
    /// The event's details; when an input cannot be read, a <see cref="DomainException"/> names it together with every
    /// other mistake the event's rules find in the inputs that could be read, so the organiser fixes all in one go.
    /// </summary>
    public EventDetails ToDetails()
    {
        var unreadable = new RuleViolations();
        var kind = Enum.TryParse<EventKind>(Kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : Unreadable(
            unreadable, KindField, "Choose the kind of event.", EventKind.Meeting);
        var startsAt = ReadLocal(StartsAt, StartsAtField, unreadable);
        var endsAt = ReadLocal(EndsAt, PactEventFields.EndsAt, unreadable);
        var zone = TimeZone ?? string.Empty;

        // Stand-ins for what could not be read (and a known zone to place the times in), only used to find other mistakes.
        var conversionZone = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : EventTimeZones.Offered[0];
        var start = startsAt ?? StandInStart;
        var details = new EventDetails(
            Title ?? string.Empty,
            Description ?? string.Empty,
            kind,
            EventTimeZones.InZone(start, conversionZone),
            EventTimeZones.InZone(endsAt ?? start.AddHours(1), conversionZone),
            zone,
            OnlineLink,
            Place,
            int.TryParse(Capacity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) ? capacity : 0,
            Audience == nameof(EventAudience.MembersOnly) ? EventAudience.MembersOnly : EventAudience.Public,
            Language,
            TranslationDraft.ToTranslations(
                Translations,
                draft => new EventText(draft.Text(PactEventFields.Title), draft.Text(PactEventFields.Description))));
        if (!unreadable.Any)
        {
            return details;
        }

        // The order of start and end is only checked when both could be read.
        var others = PactEvent.Problems(details)
            .Where(problem => problem.Field != PactEventFields.EndsAt || (startsAt is not null && endsAt is not null));
        throw new DomainException([.. unreadable.All, .. others]);
    }

    private static T Unreadable<T>(RuleViolations unreadable, FormField field, string message, T standIn)
    {
        unreadable.Report(field, message);
        return standIn;
    }

    private static DateTime? ReadLocal(string? value, FormField field, RuleViolations unreadable)
    {
        if (DateTime.TryParseExact(
            value,
            [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var local))
        {
            return local;
        }

        unreadable.Report(field, "Give a date and time.");
        return null;
    }
}
