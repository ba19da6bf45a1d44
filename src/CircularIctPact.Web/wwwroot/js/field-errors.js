// MudBlazor shows a field's error text under the field but does not name it in the input's aria-describedby
// (it only links a helper text, and the error replaces that). This gives each shown error an id and adds it to the
// input's aria-describedby, with aria-invalid, so a screen reader reads the error when it reaches the field; when
// the error goes, the link goes too. One place for every MudBlazor input, whatever form it is in.
(() => {
    const control = '.mud-input-control';
    const errorText = ':scope > .mud-input-control-helper-container > .mud-input-helper-text.mud-input-error';
    let counter = 0;
    let scheduled = 0;

    const describedBy = (input) => (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);

    const link = (field) => {
        const input = field.querySelector('.mud-input-control-input-container input:not([type=hidden]), .mud-input-control-input-container textarea');
        if (!input) {
            return;
        }
        const helper = field.querySelector(errorText);
        // The helper text also holds the character counter; the message is its first part.
        const message = helper?.querySelector(':scope > .me-auto') ?? helper;
        const previous = input.dataset.fieldErrorId;
        const ids = describedBy(input).filter((id) => id !== previous);
        if (message && message.textContent.trim()) {
            message.id ||= `field-error-${++counter}`;
            ids.push(message.id);
            input.dataset.fieldErrorId = message.id;
            if (input.getAttribute('aria-invalid') !== 'true') {
                input.setAttribute('aria-invalid', 'true');
            }
        } else if (previous) {
            delete input.dataset.fieldErrorId;
        }
        const value = ids.join(' ');
        if ((input.getAttribute('aria-describedby') ?? '') !== value) {
            if (value) {
                input.setAttribute('aria-describedby', value);
            } else {
                input.removeAttribute('aria-describedby');
            }
        }
    };

    const linkAll = () => {
        scheduled = 0;
        document.querySelectorAll(control).forEach(link);
    };

    // Only content and class changes matter (an error appears, changes or goes); the attributes set here are not watched.
    new MutationObserver(() => {
        scheduled ||= setTimeout(linkAll, 0);
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    linkAll();
})();
