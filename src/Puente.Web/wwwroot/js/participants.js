// The participant picker of the engagement form: as the editor types in a row's search box, ask the page's Suggest
// handler (cookie-authenticated, access-filtered) for people and posts, and put the chosen one's code in the row's
// person or post field. Also adds rows. Without this script the code fields are typed by hand.
document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('participants');
    var rows = document.getElementById('participant-rows');
    if (!box || !rows) {
        return;
    }

    var url = box.getAttribute('data-suggest');

    function wire(row) {
        var picker = row.querySelector('.participant-picker');
        var search = row.querySelector('.participant-search');
        var list = row.querySelector('.participant-suggestions');
        if (!picker || !search || !list) {
            return;
        }

        picker.classList.remove('d-none');
        var timer = null;
        var asked = 0;

        function clear() {
            while (list.firstChild) {
                list.removeChild(list.firstChild);
            }
        }

        function choose(item) {
            var person = row.querySelector('.participant-person');
            var post = row.querySelector('.participant-post');
            if (item.type === 'person') {
                person.value = item.code;
            } else {
                post.value = item.code;
            }
            search.value = item.name;
            clear();
        }

        function show(items) {
            clear();
            items.forEach(function (item) {
                var button = document.createElement('button');
                button.type = 'button';
                button.className = 'list-group-item list-group-item-action py-1 small participant-suggestion';
                button.setAttribute('data-type', item.type);
                button.setAttribute('data-code', item.code);
                var name = document.createElement('span');
                name.textContent = item.name;
                var detail = document.createElement('span');
                detail.className = 'text-muted ms-2';
                detail.textContent = item.code + (item.detail ? ' · ' + item.detail : '');
                button.appendChild(name);
                button.appendChild(detail);
                button.addEventListener('click', function () { choose(item); });
                list.appendChild(button);
            });
        }

        search.addEventListener('input', function () {
            clearTimeout(timer);
            var text = search.value.trim();
            if (text.length < 2) {
                clear();
                return;
            }

            timer = setTimeout(function () {
                var mine = ++asked;
                fetch(url + '&q=' + encodeURIComponent(text), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(function (items) {
                        if (mine === asked) {
                            show(items);
                        }
                    })
                    .catch(function () { clear(); });
            }, 200);
        });

        search.addEventListener('keydown', function (e) {
            if (e.key === 'Escape') {
                clear();
            } else if (e.key === 'Enter') {
                // Enter picks the first suggestion rather than submitting the form.
                e.preventDefault();
                var first = list.querySelector('.participant-suggestion');
                if (first) {
                    first.click();
                }
            }
        });
    }

    Array.prototype.forEach.call(rows.querySelectorAll('.participant-row'), wire);

    var add = document.getElementById('add-participant');
    if (add) {
        add.classList.remove('d-none');
        add.addEventListener('click', function () {
            var all = rows.querySelectorAll('.participant-row');
            var last = all[all.length - 1];
            var index = all.length;
            var row = last.cloneNode(true);
            row.setAttribute('data-index', String(index));
            Array.prototype.forEach.call(row.querySelectorAll('[name],[id],[for]'), function (el) {
                ['name', 'id', 'for'].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) {
                        el.setAttribute(attr, value.replace(/Participants\[\d+\]/, 'Participants[' + index + ']').replace(/Participants_\d+__/, 'Participants_' + index + '__'));
                    }
                });
                if (el.tagName === 'INPUT' && el.type === 'checkbox') {
                    el.checked = false;
                } else if (el.tagName === 'INPUT') {
                    el.value = '';
                } else if (el.tagName === 'SELECT') {
                    el.selectedIndex = 0;
                }
            });
            Array.prototype.forEach.call(row.querySelectorAll('.field-validation-error'), function (el) { el.textContent = ''; });
            var search = row.querySelector('.participant-search');
            if (search) {
                search.value = '';
            }
            var list = row.querySelector('.participant-suggestions');
            while (list && list.firstChild) {
                list.removeChild(list.firstChild);
            }
            rows.appendChild(row);
            wire(row);
        });
    }
});
