using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Members;

/// <summary>Upload, preview and import; the file stays in memory of this circuit between the preview and the import.</summary>
public sealed partial class MemberImportPage
{
    private IReadOnlyList<GroupOption> _groups = [];
    private Guid? _groupId;
    private byte[]? _content;
    private string? _fileName;
    private ImportPreview? _preview;
    private int _imported;
    private Guid? _refusedRowsFile;
    private int _refusedCount;
    private string? _error;
    private bool _busy;

    [SupplyParameterFromQuery(Name = "group")]
    public Guid? InitialGroup { get; set; }

    [Inject]
    private MemberDirectory Directory { get; set; } = default!;

    [Inject]
    private MemberImport Import { get; set; } = default!;

    [Inject]
    private RefusedRowsFiles RefusedRows { get; set; } = default!;

    [Inject]
    private IStringLocalizer<MembersText> MemberTexts { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _groups = await Directory.GroupsAsync((await AuthenticationState).User);
        _groupId = _groups.FirstOrDefault(g => g.Id == InitialGroup)?.Id ?? (_groups.Count == 1 ? _groups[0].Id : null);
        if (_groups.Count == 0)
        {
            _error = "You do not coordinate a buyer group, so there is nothing to import into.";
        }
    }

    private async Task OnGroupChanged(Guid? group)
    {
        _groupId = group;
        await PreviewAsync();
    }

    private async Task OnFileChosenAsync(InputFileChangeEventArgs args)
    {
        _error = null;
        _preview = null;
        _imported = 0;
        _refusedRowsFile = null;
        var file = args.File;
        if (file.Size > MemberImport.MaxFileBytes)
        {
            _error = L["{0} is larger than {1} MB.", file.Name, MemberImport.MaxFileBytes / 1024 / 1024];
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(MemberImport.MaxFileBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        _content = buffer.ToArray();
        _fileName = file.Name;
        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        if (_content is null || _fileName is null)
        {
            return;
        }

        if (_groupId is not { } group)
        {
            _error = "Choose the buyer group to import into.";
            return;
        }

        await RunAsync(async user => _preview = await Import.PreviewAsync(user, group, _fileName, _content));
    }

    private Task ImportAsync() =>
        ImportRowsAsync((user, group, fileName, content) => Import.ImportAsync(user, group, fileName, content));

    private Task ImportAcceptedRowsAsync() =>
        ImportRowsAsync((user, group, fileName, content) => Import.ImportAcceptedRowsAsync(user, group, fileName, content));

    /// <summary>Runs one of the two imports; a whole-file import refuses no single rows, so only a partial one offers a file.</summary>
    private async Task ImportRowsAsync(
        Func<System.Security.Claims.ClaimsPrincipal, Guid, string, byte[], Task<ImportResult>> import)
    {
        if (_content is null || _fileName is null || _groupId is not { } group)
        {
            return;
        }

        var (fileName, content) = (_fileName, _content);
        await RunAsync(async user =>
        {
            var result = await import(user, group, fileName, content);
            _preview = result.Preview;
            _imported = result.Imported;
            if (result.Imported > 0)
            {
                _content = null;
                _refusedCount = result.Refused.Count;
                _refusedRowsFile = _refusedCount == 0
                    ? null
                    : RefusedRows.Keep(user, MemberImport.RefusedRowsCsv(result, MemberTexts["Reason"]));
            }
        });
    }

    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action((await AuthenticationState).User);
        }
        catch (ForbiddenException error)
        {
            _error = DomainMessageText.Of(error);
        }
        finally
        {
            _busy = false;
        }
    }
}
