using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>Adds a library item (file or link) or a new version of one.</summary>
public sealed partial class LibraryEditorPage
{
    private static readonly FormField[] Shown =
    [
        LibraryItemFields.Title, LibraryItemFields.Description, ProductGroupOptions.ProductGroupField, KnowledgeTagFields.Tags,
        LibraryItemFields.ChangeNote, CommonFields.File, LibraryItemFields.Link,
    ];

    private readonly PageOperation _page = new();
    private IReadOnlyList<ProductGroupOption> _groups = [];
    private LibraryItemDetails? _item;
    private ClaimsPrincipal _user = new();
    private IBrowserFile? _file;
    private string? _title;
    private string? _description;
    private LibraryItemType _type = LibraryItemType.Guide;
    private CriteriaLanguage _language = CriteriaLanguage.En;
    private Guid? _productGroupId;
    private KnowledgeVisibility _visibility = KnowledgeVisibility.Public;
    private string? _tags;
    private string? _link;
    private string? _changeNote;
    private bool _interactive;

    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private LibraryCatalogue Library { get; set; } = default!;

    [Inject]
    private ProductGroupOptions ProductGroups { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        _groups = await ProductGroups.ListAsync();
        if (Id is { } id)
        {
            await _page.RunAsync(async () => _item = await Library.GetAsync(id, _user));
        }
    }

    private void ChooseFile(InputFileChangeEventArgs args)
    {
        _page.Errors.Clear();
        _file = args.File;
        if (_file.Size > DocumentUploads.MaxSizeBytes)
        {
            _page.Errors.Add(CommonFields.File, T["The file is larger than 10 MB. Upload a smaller file."]);
            _file = null;
        }
    }

    private Task SaveAsync() => _page.RunAsync(async () =>
    {
        await using var stream = _file?.OpenReadStream(DocumentUploads.MaxSizeBytes);
        var upload = _file is null ? null : new DocumentUpload(_file.Name, stream!);
        if (_item is null)
        {
            var description = new LibraryItemDescription(
                _title,
                _description,
                _type,
                _language,
                _productGroupId,
                KnowledgeTags.Parse(_tags),
                _visibility);
            var id = await Library.AddAsync(_user, description, upload, _link);
            Navigation.NavigateTo($"/library/{id}");
        }
        else
        {
            await Library.AddVersionAsync(_user, _item.Id, _item.RowVersion, upload, _link, _changeNote);
            Navigation.NavigateTo($"/library/{_item.Id}");
        }
    });
}
