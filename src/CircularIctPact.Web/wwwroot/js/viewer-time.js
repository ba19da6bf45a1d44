// Fills every [data-viewer-time] element with that instant in the viewer's own time zone, also after
// Blazor adds or replaces page content (enhanced navigation, interactive renders).
(() => {
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
            const formatted = instant.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' });
            element.textContent = ` · ${element.getAttribute('data-label') || ''} ${formatted}`;
            element.setAttribute('data-viewer-time-done', value);
        });
    };
    fill(document);
    new MutationObserver(() => fill(document)).observe(document.body, { childList: true, subtree: true });
})();
