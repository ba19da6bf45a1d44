using MudBlazor;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>Asks for confirmation in a <see cref="ConfirmDialog"/> before an action that cannot be undone.</summary>
public static class ConfirmDialogExtensions
{
    /// <summary>
    /// Shows the question and waits for the answer. MudBlazor's focus trap keeps Tab inside the dialog
    /// and returns the focus to the button that opened it once the dialog closes.
    /// </summary>
    /// <returns>True only when the person chose the confirm button; Escape, Cancel and a click beside the dialog give false.</returns>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { dialog => dialog.Message, message },
            { dialog => dialog.ConfirmText, confirmText },
        };
        var options = new DialogOptions
        {
            CloseOnEscapeKey = true,
            BackdropClick = true,
            DefaultFocus = DefaultFocus.FirstChild,
            MaxWidth = MaxWidth.ExtraSmall,
            FullWidth = true,
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, options);
        // A cancelled dialog carries no data: read it as bool? so null is an answer, not an invalid cast.
        return await dialog.GetReturnValueAsync<bool?>() == true;
    }
}
