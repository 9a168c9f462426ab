// Feed health: one Chart.js chart per feed, drawn from the numbers the page already shows in its hour table.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return; // the table under each chart still has every number
    }
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue('--accent').trim() || '#1d5fa8';
    var bad = style.getPropertyValue('--bad').trim() || '#b42318';
    var muted = style.getPropertyValue('--muted').trim() || '#616e7c';

    function numbers(value) {
        return value ? value.split(',').map(Number) : [];
    }

    document.querySelectorAll('canvas.feed-chart').forEach(function (canvas) {
        var labels = canvas.dataset.labels ? canvas.dataset.labels.split(',') : [];
        var counts = numbers(canvas.dataset.counts);
        var usual = numbers(canvas.dataset.usual);
        var quiet = numbers(canvas.dataset.quiet);
        new Chart(canvas, {
            data: {
                labels: labels,
                datasets: [{
                    type: 'bar',
                    label: 'Messages',
                    data: counts,
                    // a quiet usual hour has no bar to colour, so it gets a thin red marker at the axis
                    backgroundColor: counts.map(function (c, i) { return quiet[i] ? bad : accent; }),
                    minBarLength: 0,
                    borderRadius: 2,
                    order: 2
                }, {
                    type: 'line',
                    label: 'Usual',
                    data: usual,
                    borderColor: muted,
                    borderDash: [4, 3],
                    borderWidth: 1.5,
                    pointRadius: quiet.map(function (q) { return q ? 3 : 0; }),
                    pointBackgroundColor: bad,
                    tension: 0.3,
                    order: 1
                }]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: {mode: 'index', intersect: false},
                plugins: {
                    legend: {position: 'bottom', labels: {boxWidth: 12, boxHeight: 12}},
                    tooltip: {
                        callbacks: {
                            afterBody: function (items) {
                                return items.length && quiet[items[0].dataIndex] ? 'quiet in a usual hour' : '';
                            }
                        }
                    }
                },
                scales: {
                    x: {grid: {display: false}, ticks: {maxTicksLimit: 12, maxRotation: 0}},
                    y: {beginAtZero: true, ticks: {precision: 0}}
                }
            }
        });
    });
})();
