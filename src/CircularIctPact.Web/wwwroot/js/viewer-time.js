// Fills every [data-viewer-time] element with that instant in the viewer's own time zone, also after
// Blazor adds or replaces page content (enhanced navigation, interactive renders).
(() => {
    // The interface language "en" formats the British way on the server (decision 0005); the browser follows suit.
    const locale = () => {
        const language = document.documentElement.lang;
        return language === 'en' ? 'en-GB' : language || undefined;
    };
    // dateStyle and timeStyle cannot be combined with timeZoneName, so the parts are named one by one.
    const format = (instant) => new Intl.DateTimeFormat(locale(), {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
    }).format(instant);
    const fill = (root) => {
        root.querySelectorAll('[data-viewer-time]').forEach((element) => {
            const value = element.getAttribute('data-viewer-time');
            if (element.getAttribute('data-viewer-time-done') === value) {
                return;
            }
            const instant = new Date(value);
            if (Number.isNaN(instant.getTime())) {
                return;
            }
            element.textContent = ` · ${element.getAttribute('data-label') || ''} ${format(instant)}`;
            element.setAttribute('data-viewer-time-done', value);
        });
    };
    fill(document);
    new MutationObserver(() => fill(document)).observe(document.body, { childList: true, subtree: true });
})();
