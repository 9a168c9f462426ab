// Keeps the overview's table of scrub and claims runs up to date: reads /overview/jobs every two seconds and
// redraws the rows, so a run's progress shows without reloading the page. A restart button is a plain form POST
// with the page's CSRF token.
(function () {
    'use strict';
    var table = document.getElementById('jobs');
    if (!table || !window.fetch) {
        return;
    }
    var body = table.tBodies[0];
    var source = table.getAttribute('data-source');

    function cell(row, text, className) {
        var td = document.createElement('td');
        if (className) {
            td.className = className;
        }
        td.textContent = text === null || text === undefined ? '—' : String(text);
        row.appendChild(td);
        return td;
    }

    function restartForm(job) {
        var form = document.createElement('form');
        form.method = 'post';
        form.action = source + '/' + encodeURIComponent(job.job) + '/' + job.executionId + '/restart';
        var token = document.createElement('input');
        token.type = 'hidden';
        token.name = table.getAttribute('data-csrf-param');
        token.value = table.getAttribute('data-csrf');
        form.appendChild(token);
        var button = document.createElement('button');
        button.type = 'submit';
        button.className = 'restart';
        button.textContent = 'Restart';
        form.appendChild(button);
        return form;
    }

    function row(job) {
        var tr = document.createElement('tr');
        tr.className = 'job';
        tr.setAttribute('data-job', job.job);
        tr.setAttribute('data-execution', job.executionId);
        cell(tr, job.job);
        cell(tr, job.executionId);
        var status = cell(tr, '');
        var badge = document.createElement('span');
        badge.className = 'status job-status ' + String(job.status).toLowerCase();
        badge.textContent = job.status;
        status.appendChild(badge);
        if (job.status === 'FAILED' && job.exitDescription) {
            var exit = document.createElement('div');
            exit.className = 'meta exit';
            exit.textContent = job.exitDescription.length > 200 ? job.exitDescription.substring(0, 197) + '...'
                : job.exitDescription;
            status.appendChild(exit);
        }
        cell(tr, job.progress, 'progress');
        cell(tr, job.startedAt);
        cell(tr, job.endedAt);
        cell(tr, job.trigger);
        var action = cell(tr, '');
        action.textContent = '';
        if (job.restartable) {
            action.appendChild(restartForm(job));
        }
        return tr;
    }

    function redraw(jobs) {
        var rows = document.createDocumentFragment();
        jobs.forEach(function (job) {
            rows.appendChild(row(job));
        });
        body.replaceChildren(rows);
        var none = document.getElementById('no-jobs');
        if (none) {
            none.hidden = jobs.length > 0;
        }
    }

    function poll() {
        fetch(source, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) {
                // signed out (the session timed out): the sign-in page comes back, not JSON; stop asking
                if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
                    throw new Error('no longer signed in');
                }
                return response.json();
            })
            .then(function (jobs) {
                redraw(jobs);
                window.setTimeout(poll, 2000);
            })
            .catch(function () {
                table.setAttribute('data-stale', 'true');
            });
    }

    window.setTimeout(poll, 2000);
}());
