using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// Writes a new case or edits a draft or sent-back one, submits it for review, attaches a file; shows conflicts and the review history.
/// </summary>
public sealed partial class CaseEditorPage
{
    private static readonly FormField[] Shown =
    [
        GoodPracticeCaseFields.Title, GoodPracticeCaseFields.Context, GoodPracticeCaseFields.Approach, GoodPracticeCaseFields.Results,
        GoodPracticeCaseFields.Impact, GoodPracticeCaseFields.LessonsLearned, ProductGroupOptions.ProductGroupField,
        KnowledgeTagFields.Tags, GoodPracticeCaseFields.ContactName, GoodPracticeCaseFields.ContactEmail, CommonFields.File,
        CommonFields.Language,
        .. TranslationInputs.Of(
            GoodPracticeCaseFields.Title, GoodPracticeCaseFields.Context, GoodPracticeCaseFields.Approach, GoodPracticeCaseFields.Results,
            GoodPracticeCaseFields.Impact, GoodPracticeCaseFields.LessonsLearned),
    ];

    private readonly PageOperation _page = new();
    private FormModel _form = new();
    private GoodPracticeDetails? _case;
    private IReadOnlyList<OrganisationOption> _organisations = [];
    private IReadOnlyList<ProductGroupOption> _groups = [];
    private Guid _organisationId;
    private ClaimsPrincipal _user = new();
    private bool _loaded;
    private bool _interactive;

    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private GoodPracticeCases Cases { get; set; } = default!;

    [Inject]
    private ProductGroupOptions ProductGroups { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IEnumerable<TextField> TextFields =>
    [
        new(
            GoodPracticeCaseFields.Context,
            "Context",
            "The situation before: what you bought, why it had to change.",
            "case-context",
            () => _form.Context,
            v => _form.Context = v),
        new(
            GoodPracticeCaseFields.Approach,
            "Approach",
            "What you did: criteria, contract clauses, how you worked with the market.",
            "case-approach",
            () => _form.Approach,
            v => _form.Approach = v),
        new(GoodPracticeCaseFields.Results, "Results", "What came out of it.", "case-results", () => _form.Results, v => _form.Results = v),
        new(
            GoodPracticeCaseFields.Impact,
            "Impact",
            "What changed for your organisation, the market or the environment.",
            "case-impact",
            () => _form.Impact,
            v => _form.Impact = v),
        new(
            GoodPracticeCaseFields.LessonsLearned,
            "Lessons learned",
            "What others should do the same way, or differently.",
            "case-lessons",
            () => _form.LessonsLearned,
            v => _form.LessonsLearned = v),
    ];

    private IReadOnlyList<ContentField> TranslatedFields =>
    [
        new ContentField(GoodPracticeCaseFields.Title, T["Title"], GoodPracticeCase.TitleMaxLength),
        .. TextFields.Select(text => new ContentField(text.Field, T[text.Label], GoodPracticeCase.TextMaxLength, Lines: 4)),
    ];

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
        await _page.RunAsync(async () =>
        {
            if (Id is { } id)
            {
                await LoadAsync(id);
            }
            else
            {
                _organisations = await Cases.AuthorOrganisationsAsync(_user);
                _organisationId = _organisations.FirstOrDefault()?.Id ?? Guid.Empty;
                _form = new FormModel { ContactName = _user.DisplayName(), ContactEmail = _user.Identity?.Name };
            }
        });
        _loaded = true;
    }

    private async Task LoadAsync(Guid id)
    {
        _case = await Cases.GetAsync(id, _user);
        _form = FormModel.From(_case.Content);
    }

    private Task SaveAsync() => _page.RunAsync(async () =>
    {
        var id = await SaveFormAsync();
        Snackbar.Add(T["Saved."], Severity.Success);
        if (Id is null)
        {
            Navigation.NavigateTo($"/good-practices/{id}/edit");
        }
    });

    private Task SubmitAsync() => _page.RunAsync(async () =>
    {
        var id = await SaveFormAsync();
        await Cases.SubmitAsync(_user, id, (await Cases.GetAsync(id, _user)).RowVersion);
        Snackbar.Add(T["Submitted for review."], Severity.Success);
        Navigation.NavigateTo("/good-practices/mine");
    });

    private Task WithdrawAsync() => _page.RunAsync(async () =>
    {
        await Cases.WithdrawAsync(_user, _case!.Id, _case.RowVersion, null);
        await LoadAsync(_case.Id);
    });

    private Task AttachAsync(InputFileChangeEventArgs args) => _page.RunAsync(async () =>
    {
        if (args.File.Size > DocumentUploads.MaxSizeBytes)
        {
            _page.Errors.Add(CommonFields.File, T["The file is larger than 10 MB. Upload a smaller file."]);
            return;
        }

        await using var stream = args.File.OpenReadStream(DocumentUploads.MaxSizeBytes);
        await Cases.AttachAsync(_user, _case!.Id, _case.RowVersion, new DocumentUpload(args.File.Name, stream));
        await LoadAsync(_case.Id);
    });

    private async Task<Guid> SaveFormAsync()
    {
        var content = _form.ToContent();
        if (_case is null)
        {
            return await Cases.CreateAsync(_user, _organisationId, content);
        }

        await Cases.UpdateAsync(_user, _case.Id, _case.RowVersion, content);
        await LoadAsync(_case.Id);
        return _case.Id;
    }

    private void TakeTheirVersion()
    {
        if (_page.Conflict<GoodPracticeDetails>() is { } theirs)
        {
            _case = theirs;
            _form = FormModel.From(theirs.Content);
            _page.ClearConflict();
        }
    }

    private sealed record TextField(FormField Field, string Label, string Help, string TestId, Func<string?> Get, Action<string?> Set);

    private sealed class FormModel
    {
        public string? Title { get; set; }

        public string? Context { get; set; }

        public string? Approach { get; set; }

        public string? Results { get; set; }

        public string? Impact { get; set; }

        public string? LessonsLearned { get; set; }

        public Guid? ProductGroupId { get; set; }

        public string? Tags { get; set; }

        public string? ContactName { get; set; }

        public string? ContactEmail { get; set; }

        public KnowledgeVisibility Visibility { get; set; } = KnowledgeVisibility.Public;

        public CriteriaLanguage Language { get; set; } = ReaderLanguage.Current;
        public List<TranslationDraft> Translations { get; set; } = [];

        public static FormModel From(GoodPracticeContent content) => new()
        {
            Title = content.Title,
            Context = content.Context,
            Approach = content.Approach,
            Results = content.Results,
            Impact = content.Impact,
            LessonsLearned = content.LessonsLearned,
            ProductGroupId = content.ProductGroupId,
            Tags = string.Join(", ", content.Tags),
            ContactName = content.ContactName,
            ContactEmail = content.ContactEmail,
            Visibility = content.Visibility,
            Language = content.Language,
            Translations = TranslationDraft.From(content.Translations ?? [], text =>
            [
                (GoodPracticeCaseFields.Title, text.Title), (GoodPracticeCaseFields.Context, text.Context),
                (GoodPracticeCaseFields.Approach, text.Approach), (GoodPracticeCaseFields.Results, text.Results),
                (GoodPracticeCaseFields.Impact, text.Impact), (GoodPracticeCaseFields.LessonsLearned, text.LessonsLearned),
            ]),
        };

        public GoodPracticeContent ToContent() =>
            new(Title, Context, Approach, Results, Impact, LessonsLearned, ProductGroupId, KnowledgeTags.Parse(
                Tags), ContactName, ContactEmail, Visibility, Language, TranslationDraft.ToTranslations(Translations, TextOf));

        private static GoodPracticeText TextOf(TranslationDraft draft) => new(
            draft.Text(GoodPracticeCaseFields.Title),
            draft.Text(GoodPracticeCaseFields.Context),
            draft.Text(GoodPracticeCaseFields.Approach),
            draft.Text(GoodPracticeCaseFields.Results),
            draft.Text(GoodPracticeCaseFields.Impact),
            draft.Text(GoodPracticeCaseFields.LessonsLearned));
    }
}
