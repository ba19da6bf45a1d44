using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Upload, preview, confirm or cancel. The file stays in this circuit's memory between the preview and the confirmation;
/// nothing reaches the database before the secretariat confirms.
/// </summary>
public sealed partial class CriteriaImportPage
{
    private const long MaxMegabytes = DocumentUploads.MaxSizeBytes / (1024 * 1024);

    private byte[]? _content;
    private string? _fileName;
    private CriteriaImportPreview? _preview;
    private Guid? _draftId;
    private string? _savedVersion;
    /// <summary>Already in the interface language.</summary>
    private string? _error;
    private bool _cancelled;
    private bool _busy;

    /// <summary>The address name of the product group the file is imported into.</summary>
    [Parameter]
    public string ProductGroup { get; set; } = string.Empty;

    [Inject]
    private CriteriaExchange Exchange { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private async Task OnFileChosenAsync(InputFileChangeEventArgs args)
    {
        Reset();
        var file = args.File;
        if (file.Size > DocumentUploads.MaxSizeBytes)
        {
            _error = X["{0} is larger than {1} MB.", file.Name, MaxMegabytes];
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(DocumentUploads.MaxSizeBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        _content = buffer.ToArray();
        _fileName = file.Name;
        await RunAsync(async user => _preview = await Exchange.PreviewAsync(ProductGroup, _fileName, _content, user));
    }

    private async Task ConfirmAsync()
    {
        if (_content is null || _fileName is null || _preview is null)
        {
            return;
        }

        var (fileName, content, expected) = (_fileName, _content, _preview.BaseRowVersion);
        await RunAsync(async user =>
        {
            try
            {
                var result = await Exchange.ImportAsync(ProductGroup, fileName, content, expected, user);
                _preview = result.DraftId is null ? result.Preview : null;
                _draftId = result.DraftId;
                _savedVersion = result.Preview.TargetVersion;
                if (result.DraftId is not null)
                {
                    _content = null;
                }
            }
            catch (ConcurrencyConflictException)
            {
                _error = X["The version changed since the preview; the file was compared again. Check the changes and confirm again."];
                _preview = await Exchange.PreviewAsync(ProductGroup, fileName, content, user);
            }
        });
    }

    private void Cancel()
    {
        Reset();
        _cancelled = true;
    }

    private void Reset()
    {
        _content = null;
        _fileName = null;
        _preview = null;
        _draftId = null;
        _error = null;
        _cancelled = false;
    }

    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task> action)
    {
        _busy = true;
        try
        {
            await action((await AuthenticationState).User);
        }
        catch (Exception error) when (error is ForbiddenException or NotFoundException or DomainException)
        {
            _error = DomainMessageText.Of(error);
            _preview = null;
        }
        finally
        {
            _busy = false;
        }
    }

    private string KindText(ImportChangeKind kind) => kind switch
    {
        ImportChangeKind.Added => X["Added"],
        ImportChangeKind.Removed => X["Removed"],
        _ => X["Changed"],
    };

    private static Color KindColour(ImportChangeKind kind) => kind switch
    {
        ImportChangeKind.Added => Color.Success,
        ImportChangeKind.Removed => Color.Warning,
        _ => Color.Info,
    };
}
