using CircularIctPact.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Discussions;

/// <summary>A thread with its replies: reply (with mentions), mark the solution, edit or remove own posts, lock as moderator.</summary>
public sealed partial class DiscussionThreadPage
{
    private readonly PageOperation _page = new();
    private ThreadView? _thread;
    private string? _reply;
    private Guid? _editing;
    private string? _editTitle;
    private string? _editText;
    private string? _conflictText;
    private bool _interactive;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private DiscussionBoard Board { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await _page.RunAsync(ReloadAsync);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private string Title(ThreadView thread) => thread.Opening.IsRemoved ? T["Removed thread"] : thread.Title;

    private async Task ReloadAsync() => _thread = await Board.ThreadAsync((await AuthenticationState).User, Id);

    private void AddMention(string handle) =>
        _reply = string.IsNullOrWhiteSpace(_reply) ? handle + " " : _reply.TrimEnd() + " " + handle + " ";

    private async Task ReplyAsync() => await _page.RunAsync(async () =>
    {
        await Board.ReplyAsync((await AuthenticationState).User, Id, _reply ?? string.Empty);
        _reply = null;
        await ReloadAsync();
    });

    private async Task MarkSolutionAsync(Guid replyId) => await _page.RunAsync(async () =>
    {
        await Board.MarkSolutionAsync((await AuthenticationState).User, Id, replyId);
        await ReloadAsync();
    });

    private async Task ToggleLockAsync() => await _page.RunAsync(async () =>
    {
        await Board.SetLockedAsync((await AuthenticationState).User, Id, !_thread!.IsLocked);
        await ReloadAsync();
    });

    private void StartEdit(PostView post, bool isOpening)
    {
        _editing = post.Id;
        _editText = post.Text;
        _editTitle = isOpening ? _thread!.Title : null;
        _conflictText = null;
    }

    private async Task SaveEditAsync(PostView post, bool isOpening)
    {
        var user = (await AuthenticationState).User;
        _conflictText = null;
        await _page.RunAsync(async () =>
        {
            if (isOpening)
            {
                await Board.EditThreadAsync(user, Id, post.Version, _editTitle ?? string.Empty, _editText ?? string.Empty, _thread!.Tags);
            }
            else
            {
                await Board.EditReplyAsync(user, post.Id, post.Version, _editText ?? string.Empty);
            }

            _editing = null;
            await ReloadAsync();
        });
        if (_page.Conflict<string>() is { } theirs)
        {
            _conflictText = theirs;
            _page.ClearConflict();
            await _page.RunAsync(ReloadAsync);
        }
    }

    private async Task RemoveAsync(PostView post, bool isOpening)
    {
        var question = isOpening ? T["Remove this thread? This cannot be undone."] : T["Remove this reply? This cannot be undone."];
        if (!await Dialogs.ConfirmAsync(isOpening ? T["Remove thread"] : T["Remove reply"], question, T["Remove"]))
        {
            return;
        }

        await _page.RunAsync(async () =>
        {
            var user = (await AuthenticationState).User;
            if (isOpening)
            {
                await Board.RemoveThreadAsync(user, Id);
            }
            else
            {
                await Board.RemoveReplyAsync(user, post.Id);
            }

            await ReloadAsync();
        });
    }
}
