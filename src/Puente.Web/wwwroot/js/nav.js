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
