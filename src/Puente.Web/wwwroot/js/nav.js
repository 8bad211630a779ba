// The navigation's menu button on narrow screens. Bootstrap's own collapse script is not shipped, and the
// Content-Security-Policy forbids inline script, so this file does the one thing needed: show or hide the menu.
document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('nav-toggle');
    var menu = document.getElementById('main-nav');
    if (!button || !menu) {
        return;
    }

    button.addEventListener('click', function () {
        var open = menu.classList.toggle('show');
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
});

// The menu's groups: opening one closes the others; a click outside the menu closes them all.
document.addEventListener('DOMContentLoaded', function () {
    var groups = Array.prototype.slice.call(document.querySelectorAll('details.nav-group'));
    groups.forEach(function (group) {
        group.addEventListener('toggle', function () {
            if (group.open) {
                groups.forEach(function (other) { if (other !== group) { other.open = false; } });
            }
        });
    });
    document.addEventListener('click', function (e) {
        if (!e.target.closest || !e.target.closest('details.nav-group')) {
            groups.forEach(function (group) { group.open = false; });
        }
    });
});
