// The coder queue's keyboard and the encounter page's check-as-you-type. Everything here also works without it: the
// links and forms are plain HTML, and the server checks every code again on save.
(function () {
    'use strict';

    function typing(event) {
        var t = event.target;
        return t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    }

    function plainKey(event) {
        return !event.ctrlKey && !event.metaKey && !event.altKey;
    }

    // ---- the queue: j/k move between encounters, Enter opens (the link's own), / goes to the filters
    function queue() {
        var links = Array.prototype.slice.call(document.querySelectorAll('#queue .encounter-link'));
        function mark(link) {
            links.forEach(function (l) { l.closest('tr').classList.toggle('current', l === link); });
        }
        links.forEach(function (l) { l.addEventListener('focus', function () { mark(l); }); });
        document.addEventListener('keydown', function (event) {
            if (typing(event) || !plainKey(event)) {
                return;
            }
            if (event.key === '/') {
                event.preventDefault();
                document.getElementById('practice').focus();
                return;
            }
            if ((event.key === 'j' || event.key === 'k') && links.length > 0) {
                event.preventDefault();
                var at = links.indexOf(document.activeElement);
                var next = at < 0 ? 0 : Math.max(0, Math.min(links.length - 1, at + (event.key === 'j' ? 1 : -1)));
                links[next].focus();
            }
        });
    }

    // ---- the encounter page
    function encounter(form) {
        var url = form.getAttribute('data-check-url');
        var fields = Array.prototype.slice.call(form.querySelectorAll('input[data-check]'));

        function show(input, state, message) {
            var note = document.getElementById(input.id + '-check');
            input.setAttribute('data-check-state', state);
            input.classList.toggle('valid', state === 'valid');
            input.classList.toggle('invalid', state === 'invalid');
            input.setAttribute('aria-invalid', state === 'invalid' ? 'true' : 'false');
            if (note) {
                note.textContent = message;
                note.className = 'check ' + state;
            }
        }

        function ask(set, code, on) {
            var query = '?set=' + encodeURIComponent(set) + '&code=' + encodeURIComponent(code)
                + (on ? '&on=' + encodeURIComponent(on) : '');
            return fetch(url + query, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
                .then(function (response) {
                    if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
                        throw new Error('not checked (signed out?)');
                    }
                    return response.json();
                });
        }

        function check(input) {
            var set = input.getAttribute('data-check');
            var on = input.getAttribute('data-on');
            var value = input.value.trim();
            var codes = input.hasAttribute('data-list')
                ? value.split(/[\s,]+/).filter(function (c) { return c.length > 0; }) : [value];
            var asked = String((Number(input.getAttribute('data-asked')) || 0) + 1);
            input.setAttribute('data-asked', asked);
            if (input.hasAttribute('data-list') && codes.length === 0) {
                show(input, 'valid', 'none');
                return;
            }
            show(input, 'checking', 'checking…');
            Promise.all(codes.map(function (c) { return ask(set, c, on); })).then(function (verdicts) {
                if (input.getAttribute('data-asked') !== asked) {
                    return; // typed on since: a newer answer is coming
                }
                var wrong = verdicts.filter(function (v) { return !v.valid; });
                var shown = wrong.length > 0 ? wrong : verdicts;
                show(input, wrong.length > 0 ? 'invalid' : 'valid',
                    shown.map(function (v) { return v.message; }).join('; '));
            }).catch(function (error) {
                if (input.getAttribute('data-asked') === asked) {
                    show(input, 'unknown', error.message);
                }
            });
        }

        fields.forEach(function (input) {
            var timer = null;
            input.addEventListener('input', function () {
                clearTimeout(timer);
                input.setAttribute('data-check-state', 'typing');
                timer = setTimeout(function () { check(input); }, 300);
            });
            if (input.value.trim() !== '') {
                check(input);
            }
        });

        // a link to a field (a finding's, an error's) puts the cursor in it, not only the page at it
        document.querySelectorAll('a.field-link, #edit-errors a[data-field]').forEach(function (link) {
            link.addEventListener('click', function (event) {
                var target = document.getElementById(link.getAttribute('href').slice(1));
                if (target) {
                    event.preventDefault();
                    target.focus();
                    target.select && target.select();
                }
            });
        });

        var firstError = form.querySelector('input.invalid');
        if (firstError && document.getElementById('edit-errors')) {
            firstError.focus();
        }

        document.addEventListener('keydown', function (event) {
            if (event.key === 'Escape' && typing(event)) {
                event.target.blur();
                return;
            }
            if (typing(event) || !plainKey(event)) {
                return;
            }
            if (event.key === 'f') {
                var finding = document.querySelector('#findings .finding[data-status="OPEN"][data-field]');
                var input = finding && document.getElementById(finding.getAttribute('data-field'));
                if (input) {
                    event.preventDefault();
                    input.focus();
                    input.select && input.select();
                }
            } else if (event.key === 'r') {
                event.preventDefault();
                document.getElementById('edit-reason').focus();
            } else if (event.key === 'q') {
                window.location.href = form.getAttribute('data-queue-url');
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (document.getElementById('queue-filter')) {
            queue();
        }
        var form = document.getElementById('lines-form');
        if (form) {
            encounter(form);
        }
    });
})();
