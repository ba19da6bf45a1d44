using CircularIctPact.Domain.Notifications;
using CircularIctPact.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>Mail immediately, weekly or never, and which kinds of notification to receive at all.</summary>
public sealed partial class NotificationSettingsPage
{
    private readonly PageOperation _page = new();
    private readonly HashSet<NotificationKind> _muted = [];
    private NotificationSettings? _settings;
    private NotificationMailMode _mailMode;
    private bool _saved;
    private bool _conflict;
    private bool _interactive;

    [Inject]
    private NotificationInbox Inbox { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The settings as prerendering read them, so the circuit does not read them again.</summary>
    [PersistentState]
    public NotificationSettings? PrerenderedSettings { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (PrerenderedSettings is { } settings)
        {
            Show(settings);
            return;
        }

        await LoadAsync();
        PrerenderedSettings = _settings;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task LoadAsync() => Show(await Inbox.SettingsAsync((await AuthenticationState).User));

    private void Show(NotificationSettings settings)
    {
        _settings = settings;
        _mailMode = settings.MailMode;
        _muted.Clear();
        _muted.UnionWith(settings.MutedKinds);
    }

    private void Toggle(NotificationKind kind, bool on)
    {
        if (on)
        {
            _muted.Remove(kind);
        }
        else
        {
            _muted.Add(kind);
        }
    }

    private async Task SaveAsync()
    {
        _saved = false;
        _conflict = false;
        var user = (await AuthenticationState).User;
        await _page.RunAsync(async () =>
        {
            await Inbox.SaveSettingsAsync(user, _settings!.Version, _mailMode, _muted);
            _saved = true;
        });
        if (_page.Conflict<NotificationSettings>() is { } theirs)
        {
            _page.ClearConflict();
            _conflict = true;
            Show(theirs);
        }
        else if (_saved)
        {
            await LoadAsync();
        }
    }
}
