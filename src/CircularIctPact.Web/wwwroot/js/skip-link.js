// The skip link moves keyboard focus to the main content. Following its fragment alone would only
// scroll (Blazor's navigation handles same-page fragments with scrollIntoView), and with the
// document's <base href="/"> the fragment would even point at the home page. The listener runs in the
// capture phase, before Blazor's, which leaves clicks alone once their default is prevented.
document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    if (!link) {
        return;
    }
    const target = document.getElementById(link.getAttribute('href').replace(/^#/, ''));
    if (!target) {
        return;
    }
    event.preventDefault();
    target.focus();
}, true);
