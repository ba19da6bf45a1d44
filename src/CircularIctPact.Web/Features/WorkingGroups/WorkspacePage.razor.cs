using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>
/// A working group's workspace: chairs (and the secretariat) run meetings from agenda to minutes, attendance,
/// documents and actions, draft and publish outcomes, and manage participants; participants read along and
/// update the actions they own.
/// </summary>
public partial class WorkspacePage
{
    private static readonly FormField[] Shown =
    [
        WorkingGroupMeetingFields.Title, WorkingGroupMeetingFields.Start, WorkingGroupMeetingFields.TimeZone,
        WorkingGroupMeetingFields.Place, WorkingGroupMeetingFields.OnlineLink, WorkingGroupMeetingFields.Agenda,
        WorkingGroupMeetingFields.Minutes,
        ActionItemFields.Description, ActionItemFields.Owner, ActionItemFields.DueOn,
        WorkingGroupOutcomeFields.Title, WorkingGroupOutcomeFields.Body, WorkingGroupOutcomeFields.CriteriaSet,
        WorkingGroupWorkspace.EmailField, WorkingGroupWorkspace.NameField, WorkingGroupFields.StakeholderType,
        WorkingGroupFields.Organisation, CommonFields.File, WorkingGroupFields.Topic, WorkingGroupFields.Mandate, CommonFields.Language,
        .. TranslationInputs.Of(WorkingGroupOutcomeFields.Title, WorkingGroupOutcomeFields.Body),
        .. TranslationInputs.Of(WorkingGroupFields.Name, WorkingGroupFields.Topic, WorkingGroupFields.Mandate),
    ];

    /// <summary>What the translations editor of a form gets while another form's messages are shown.</summary>
    private static readonly FieldErrors NoErrors = new();

    private readonly PageOperation _page = new();
    private ClaimsPrincipal _user = new();
    private WorkingGroupView? _group;
    private IReadOnlyList<CriteriaSetOption> _criteriaSets = [];
    private int _tab;
    private string? _form;
    private string? _notice;

    private MeetingForm _meeting = new();
    private Guid? _openMeeting;
    private string? _minutes;
    private HashSet<Guid> _present = [];
    private ActionForm _action = new();

    private OutcomeForm _outcome = new();
    private OutcomeDetails? _editingOutcome;

    private DescriptionForm _description = new();

    private bool _onlyOverdue;

    private string? _search;
    private bool _searched;
    private IReadOnlyList<AccountOption> _found = [];
    private StakeholderType _addType = StakeholderType.MemberOrganisation;
    private InviteForm _invite = new();

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private WorkingGroupDirectory Directory { get; set; } = default!;

    [Inject]
    private WorkingGroupWorkspace Workspace { get; set; } = default!;

    [Inject]
    private WorkingGroupDescriptions Descriptions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Manage => _group?.Standing.CanManage == true;

    private IReadOnlyList<ContentField> OutcomeFields =>
    [
        new(WorkingGroupOutcomeFields.Title, T["Outcome title"], WorkingGroupOutcome.TitleMaxLength),
        new(WorkingGroupOutcomeFields.Body, T["Text"], WorkingGroupOutcome.BodyMaxLength, Lines: 6),
    ];

    private IReadOnlyList<ContentField> DescriptionFields =>
    [
        new(WorkingGroupFields.Name, T["Name"], WorkingGroup.NameMaxLength),
        new(WorkingGroupFields.Topic, T["Topic"], WorkingGroup.TopicMaxLength),
        new(WorkingGroupFields.Mandate, T["Mandate"], WorkingGroup.MandateMaxLength, Lines: 4, Required: false),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        await _page.RunAsync(ReloadAsync);
        if (_group is not null)
        {
            _description = DescriptionForm.From(_group.Description);
        }

        if (Manage)
        {
            _criteriaSets = await Directory.DraftCriteriaSetsAsync();
        }
    }

    private async Task ReloadAsync()
    {
        _group = await Directory.GetAsync(Id, _user);
        var me = _user.UserId();
        _action.Owner ??= _group.Participants.FirstOrDefault(p => p.UserId == me)?.UserId ?? _group.Participants.FirstOrDefault()?.UserId;
    }

    private bool Has(string form, FormField field) => _form == form && _page.Errors.Has(field);

    private string? For(string form, FormField field) => _form == form ? _page.Errors.For(field) : null;

    /// <summary>Runs a use case for one form, then reloads the group (also after a conflict, so the latest version shows).</summary>
    private async Task RunAsync(string form, Func<Task> action, string success)
    {
        _form = form;
        _notice = null;
        _page.ClearConflict();
        await _page.RunAsync(async () =>
        {
            await action();
            _notice = success;
        });
        await ReloadAsync();
    }

    private Task PlanMeetingAsync() => RunAsync("meeting", async () =>
    {
        await Workspace.PlanMeetingAsync(_user, Id, _meeting.ToDraft());
        _meeting = new MeetingForm();
    }, T["Meeting planned."]);

    private void OpenMeeting(MeetingView meeting)
    {
        _openMeeting = meeting.Id;
        _minutes = meeting.Minutes;
        _present = meeting.AttendanceRecorded ? [.. meeting.Attendees] : [];
        _form = null;
    }

    private void Toggle(Guid userId, bool present)
    {
        if (present)
        {
            _present.Add(userId);
        }
        else
        {
            _present.Remove(userId);
        }
    }

    private Task WriteMinutesAsync(MeetingView meeting) =>
        RunAsync(
            "minutes",
            () => Workspace.WriteMinutesAsync(_user, meeting.Id, Current(meeting).RowVersion, _minutes),
            T["Minutes saved."]);

    private Task RecordAttendanceAsync(MeetingView meeting) =>
        RunAsync(
            "attendance",
            () => Workspace.RecordAttendanceAsync(_user, meeting.Id, Current(meeting).RowVersion, [.. _present]),
            T["Attendance saved."]);

    private Task AddActionAsync(MeetingView meeting) => RunAsync("action", async () =>
    {
        await Workspace.AddActionItemAsync(_user, meeting.Id, new ActionItemDraft(_action.Description, _action.Owner,
            DateOnly.TryParseExact(_action.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                ? due
                : null));
        _action = new ActionForm { Owner = _action.Owner };
    }, T["Action added."]);

    private Task UploadToMeetingAsync(MeetingView meeting, InputFileChangeEventArgs args) =>
        RunAsync(
            "meeting-file",
            () => UploadAsync(args, upload => Workspace.AttachToMeetingAsync(_user, meeting.Id, upload)),
            T["Document attached."]);

    private Task UploadToOutcomeAsync(OutcomeDetails outcome, InputFileChangeEventArgs args) =>
        RunAsync(
            "outcome-file",
            () => UploadAsync(args, upload => Workspace.AttachToOutcomeAsync(_user, outcome.Id, upload)),
            T["Document attached."]);

    private static async Task UploadAsync(InputFileChangeEventArgs args, Func<DocumentUpload, Task> attach)
    {
        if (args.File.Size > DocumentUploads.MaxSizeBytes)
        {
            throw new DomainException(CommonFields.File, "The file is larger than 10 MB. Upload a smaller file.");
        }

        await using var stream = args.File.OpenReadStream(DocumentUploads.MaxSizeBytes);
        await attach(new DocumentUpload(args.File.Name, stream));
    }

    private Task SaveOutcomeAsync() => RunAsync("outcome", async () =>
    {
        var draft = _outcome.ToDraft();
        if (_editingOutcome is { } editing)
        {
            await Workspace.EditOutcomeAsync(_user, editing.Id, editing.RowVersion, draft);
        }
        else
        {
            await Workspace.CreateOutcomeAsync(_user, Id, draft);
        }

        NewOutcome();
    }, T["Outcome saved."]);

    private void EditOutcome(OutcomeDetails outcome)
    {
        _editingOutcome = outcome;
        _outcome = new OutcomeForm
        {
            Language = outcome.Written.Language,
            Title = outcome.Written.Text.Title,
            Type = outcome.Type,
            Body = outcome.Written.Text.Body,
            Visibility = outcome.Visibility,
            CriteriaSetId = outcome.CriteriaSetId,
            Translations = TranslationDraft.From(
                outcome.Written.Translations,
                text => [(WorkingGroupOutcomeFields.Title, text.Title), (WorkingGroupOutcomeFields.Body, text.Body)]),
        };
        _form = null;
    }

    private Task DescribeAsync() => RunAsync(
        "description",
        () => Descriptions.DescribeAsync(
            _user,
            Id,
            _group!.Description.RowVersion,
            _description.Language,
            _description.Topic,
            _description.Mandate,
            TranslationDraft.ToTranslations(_description.Translations, draft => new WorkingGroupText(
                draft.Text(WorkingGroupFields.Name),
                draft.Text(WorkingGroupFields.Topic),
                draft.Text(WorkingGroupFields.Mandate)))),
        T["Description saved."]);

    private void NewOutcome()
    {
        _editingOutcome = null;
        _outcome = new OutcomeForm();
    }

    private Task PublishAsync(OutcomeDetails outcome) =>
        RunAsync(
            "publish",
            () => Workspace.PublishOutcomeAsync(_user, outcome.Id, outcome.RowVersion),
            T[PublishedNotice(outcome.Visibility)]);

    /// <summary>The confirmation of a publication says who can read the outcome from now on.</summary>
    internal static string PublishedNotice(OutcomeVisibility visibility) => visibility switch
    {
        OutcomeVisibility.Public => "Outcome published. Everyone can now read it on the public working-group pages.",
        OutcomeVisibility.AllMembers =>
            "Outcome published. The participants and the people of all member organisations can now read it; the public cannot.",
        _ => "Outcome published. Only the participants of this working group can read it; members and the public cannot.",
    };

    private Task ChangeStatusAsync(ActionItemView item, ActionItemStatus status) =>
        RunAsync("status", () => Workspace.ChangeActionItemStatusAsync(_user, item.Id, item.RowVersion, status), T["Action updated."]);

    private async Task SearchAsync()
    {
        _form = "search";
        await _page.RunAsync(async () => _found = await Workspace.SearchAccountsAsync(_user, Id, _search));
        _searched = true;
    }

    private Task AddAccountAsync(AccountOption account) => RunAsync("search", async () =>
    {
        await Workspace.AddParticipantAsync(_user, Id, account.Id, _addType, account.Organisation);
        _found = [.. _found.Where(f => f.Id != account.Id)];
    }, T["{0} added.", account.Name]);

    private async Task RemoveParticipantAsync(ParticipantView participant)
    {
        if (!await Dialogs.ConfirmAsync(
            T["Remove participant"],
            T["Remove {0} from this working group? They lose access to its workspace until they are invited again.", participant.Name],
            T["Remove"]))
        {
            return;
        }

        await RunAsync(
            "participants",
            () => Workspace.RemoveParticipantAsync(_user, Id, participant.UserId),
            T["{0} removed.", participant.Name]);
    }

    private Task InviteAsync() => RunAsync("invite", async () =>
    {
        await Workspace.InviteStakeholderAsync(
            _user,
            Id,
            new StakeholderInvite(_invite.Email, _invite.Name, _invite.Type, _invite.Organisation),
            Navigation.BaseUri);
        _invite = new InviteForm();
    }, T["Invitation sent."]);

    private MeetingView Current(MeetingView meeting) => _group?.Meetings.FirstOrDefault(m => m.Id == meeting.Id) ?? meeting;

    private sealed class MeetingForm
    {
        public string? Title { get; set; }
        /// <summary>As the browser's date-and-time input sends it: yyyy-MM-ddTHH:mm.</summary>
        public string? LocalStart { get; set; }
        public string? TimeZoneId { get; set; } = "Europe/Brussels";
        public string? Place { get; set; }
        public string? OnlineLink { get; set; }
        public string? Agenda { get; set; }

        public MeetingDraft ToDraft() => new(
            Title,
            DateTime.TryParseExact(
                LocalStart,
                ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var start)
                ? start
                : null,
            TimeZoneId,
            Place,
            OnlineLink,
            Agenda);
    }

    private sealed class ActionForm
    {
        public string? Description { get; set; }
        public Guid? Owner { get; set; }
        /// <summary>As the browser's date input sends it: yyyy-MM-dd.</summary>
        public string? DueOn { get; set; }
    }

    private sealed class OutcomeForm
    {
        public CriteriaLanguage Language { get; set; } = ReaderLanguage.Current;
        public string? Title { get; set; }
        public OutcomeType Type { get; set; } = OutcomeType.Recommendation;
        public string? Body { get; set; }
        public OutcomeVisibility? Visibility { get; set; }
        public Guid? CriteriaSetId { get; set; }
        public List<TranslationDraft> Translations { get; set; } = [];

        public OutcomeDraft ToDraft() =>
            new(Title, Type, Body, Visibility, Type == OutcomeType.CriteriaProposal ? CriteriaSetId : null, null, Language,
                TranslationDraft.ToTranslations(
                    Translations,
                    draft => new OutcomeText(draft.Text(WorkingGroupOutcomeFields.Title), draft.Text(WorkingGroupOutcomeFields.Body))));
    }

    /// <summary>What the group is about, as its chairs edit it; the name is the secretariat's and only translated here.</summary>
    private sealed class DescriptionForm
    {
        public CriteriaLanguage Language { get; set; }
        public string? Topic { get; set; }
        public string? Mandate { get; set; }
        public List<TranslationDraft> Translations { get; set; } = [];

        public static DescriptionForm From(WorkingGroupDescription description) => new()
        {
            Language = description.Language,
            Topic = description.Text.Topic,
            Mandate = description.Text.Mandate,
            Translations = TranslationDraft.From(
                description.Translations,
                text =>
                [
                    (WorkingGroupFields.Name, text.Name), (WorkingGroupFields.Topic, text.Topic),
                    (WorkingGroupFields.Mandate, text.Mandate),
                ]),
        };
    }

    private sealed class InviteForm
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public StakeholderType Type { get; set; } = StakeholderType.Ngo;
        public string? Organisation { get; set; }
    }
}
