// MudBlazor shows a field's error under the field and a snackbar in a corner, but does not announce
// either. Their texts are repeated in the layout's polite live region (#portal-announcer), so a screen
// reader reads the errors of a failed save and the outcome of an action without the person looking for them.
(() => {
    const messages = '.mud-input-helper-text.mud-input-error, .mud-snackbar:not([role]) .mud-snackbar-content-message';
    let scheduled = 0;
    const announce = () => {
        scheduled = 0;
        const region = document.getElementById('portal-announcer');
        if (!region) {
            return;
        }
        const text = [...document.querySelectorAll(messages)].map((element) => element.textContent.trim()).filter(Boolean).join(' ');
        if (region.textContent !== text) {
            region.textContent = text;
        }
    };
    new MutationObserver(() => {
        if (!scheduled) {
            scheduled = setTimeout(announce, 150);
        }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
})();
