using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Events;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Events;

/// <summary>
/// One event: details, registration, materials and, for organisers, the registrations. The materials form posts back
/// to this page, so a refused title, link or file comes back with what the organiser typed and the message beside its field.
/// </summary>
public sealed partial class EventPage
{
    private const string FileNotKeptMessage = "Choose the file again: it is not kept when the form comes back.";
    private const string MaterialConflictMessage =
        "Someone else changed this event after you opened it; nothing of yours was saved. Review it and save again.";

    private static readonly FormField[] MaterialFields = [EventMaterialFields.Title, EventMaterialFields.Url, CommonFields.File];

    private readonly PageOperation _material = new();
    private bool _materialConflict;
    private bool _fileNotKept;
    private EventView? _view;
    private bool _notFound;

    [Inject]
    private PactEvents Events { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Parameter]
    public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "done")]
    private string? Done { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    private string? Error { get; set; }

    /// <summary>The posted title and link of a new material; the file is read from the request itself.</summary>
    [SupplyParameterFromForm(FormName = "material")]
    private MaterialForm? Material { get; set; }

    private string DoneMessage => Done switch
    {
        "registered" => T["You are registered. Add the event to your calendar."],
        "waiting" => T["The event is full: you are on the waiting list and get a mail when a seat comes free."],
        "cancelled" => T["Your registration has been cancelled."],
        "attendance" => T["Attendance saved."],
        "material" => T["Material added."],
        _ => T["The event has been saved."],
    };

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _view = await Events.GetAsync(Id, HttpContext.User, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            _notFound = true;
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task AddMaterialAsync()
    {
        if (_view is null)
        {
            return;
        }

        var form = await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted);
        var file = form.Files.GetFile("file");
        var added = await _material.RunAsync(async () =>
        {
            await using var stream = file is { Length: > 0 } ? file.OpenReadStream() : null;
            var upload = stream is null ? null : new DocumentUpload(file!.FileName, stream);
            await Events.AddMaterialAsync(
                Id,
                Material?.Title ?? string.Empty,
                Material?.Url,
                upload,
                HttpContext.User,
                HttpContext.RequestAborted);
        });
        if (added)
        {
            Navigation.NavigateTo($"/events/{Id}?done=material#materials");
            return;
        }

        // Only a lost race with another organiser's save ends without a message of its own.
        _materialConflict = !_material.Errors.Any && _material.Message is null;
        _material.ClearConflict();
        // A browser never fills a file input from the page it gets back, so the organiser has to choose the file again.
        _fileNotKept = file is { Length: > 0 };
    }

    // The file field also points at its note when a refused form comes back without the chosen file.
    private Dictionary<string, object>? MaterialDescribed(FormField field) =>
        _material.Errors.Describe(field, MaterialMessageId(field))
        ?? (field == CommonFields.File && _fileNotKept ? new() { ["aria-describedby"] = MaterialMessageId(field) } : null);

    private RenderFragment MaterialError(FormField field) =>
        FieldErrors.Message(
            MaterialMessageId(field),
            (_material.Errors.For(field) ?? (field == CommonFields.File && _fileNotKept ? FileNotKeptMessage : null)) is { } message
                ? T[message].Value
                : null);

    private static string MaterialMessageId(FormField field) => $"e-material-{field.Key}";
}

/// <summary>The posted title and link of a new event material, kept as typed so a refused one comes back unchanged.</summary>
public sealed class MaterialForm
{
    public string? Title { get; set; }

    public string? Url { get; set; }
}
