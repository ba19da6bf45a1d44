using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
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
        LibraryItemFields.ChangeNote, CommonFields.File, LibraryItemFields.Link, CommonFields.Language,
        .. TranslationInputs.Of(LibraryItemFields.Title, LibraryItemFields.Description),
    ];

    private readonly PageOperation _page = new();
    private IReadOnlyList<ProductGroupOption> _groups = [];
    private LibraryItemDetails? _item;
    private ClaimsPrincipal _user = new();
    private IBrowserFile? _file;
    private string? _title;
    private string? _description;
    private LibraryItemType _type = LibraryItemType.Guide;
    private CriteriaLanguage _language = ReaderLanguage.Current;
    private List<TranslationDraft> _translations = [];
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

    /// <summary>Changing what an item says about itself, rather than adding it or a new version of it.</summary>
    private bool Editing => Id is not null && Navigation.ToBaseRelativePath(Navigation.Uri).EndsWith("/edit", StringComparison.Ordinal);

    private string Heading => Id is null ? T["Add to the library"] : Editing ? T["Edit the description"] : T["Add a new version"];

    private IReadOnlyList<ContentField> TranslatedFields =>
    [
        new(LibraryItemFields.Title, T["Title"], LibraryItem.TitleMaxLength),
        new(LibraryItemFields.Description, T["Description"], LibraryItem.DescriptionMaxLength, Lines: 3),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        _groups = await ProductGroups.ListAsync();
        if (Id is { } id)
        {
            await _page.RunAsync(async () => _item = await Library.GetAsync(id, _user));
            if (Editing && _item?.Description is { } description)
            {
                (_title, _description, _type) = (description.Title, description.Description, description.Type);
                (_language, _productGroupId, _visibility) = (description.Language, description.ProductGroupId, description.Visibility);
                _tags = string.Join(", ", description.Tags);
                _translations = TranslationDraft.From(
                    description.Translations ?? [],
                    text => [(LibraryItemFields.Title, text.Title), (LibraryItemFields.Description, text.Description)]);
            }
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
            var id = await Library.AddAsync(_user, Description(), upload, _link);
            Navigation.NavigateTo($"/library/{id}");
        }
        else if (Editing)
        {
            await Library.DescribeAsync(_user, _item.Id, _item.RowVersion, Description());
            Navigation.NavigateTo($"/library/{_item.Id}");
        }
        else
        {
            await Library.AddVersionAsync(_user, _item.Id, _item.RowVersion, upload, _link, _changeNote);
            Navigation.NavigateTo($"/library/{_item.Id}");
        }
    });

    private LibraryItemDescription Description() => new(
        _title,
        _description,
        _type,
        _language,
        _productGroupId,
        KnowledgeTags.Parse(_tags),
        _visibility,
        TranslationDraft.ToTranslations(
            _translations,
            draft => new LibraryItemText(draft.Text(LibraryItemFields.Title), draft.Text(LibraryItemFields.Description))));
}
