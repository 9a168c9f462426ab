// The denial report's trend chart: the page hands the months over as window.denialTrend; Chart.js draws them.
(function () {
    'use strict';
    const canvas = document.getElementById('denial-trend');
    const trend = window.denialTrend;
    if (!canvas || !trend || typeof window.Chart === 'undefined') {
        return;
    }
    const money = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', maximumFractionDigits: 0});
    window.denialChart = new Chart(canvas, {
        data: {
            labels: trend.months,
            datasets: [
                {
                    type: 'line', label: 'Denial rate (%)', data: trend.rate, yAxisID: 'rate',
                    borderColor: '#b42318', backgroundColor: '#b42318', tension: 0.25, spanGaps: true, order: 0
                },
                {
                    type: 'bar', label: 'Amount denied', data: trend.deniedAmount, yAxisID: 'amount',
                    backgroundColor: 'rgba(29, 95, 168, 0.35)', borderColor: '#1d5fa8', borderWidth: 1, order: 1
                }
            ]
        },
        options: {
            // drawn at once: the report is read, not watched
            animation: false,
            maintainAspectRatio: false,
            interaction: {mode: 'index', intersect: false},
            plugins: {
                legend: {position: 'bottom'},
                tooltip: {
                    callbacks: {
                        label: item => item.dataset.yAxisID === 'rate'
                            ? ` ${item.formattedValue}% of ${trend.adjudicated[item.dataIndex]} claims`
                            : ` ${money.format(item.raw)} denied`
                    }
                }
            },
            scales: {
                rate: {type: 'linear', position: 'left', beginAtZero: true, title: {display: true, text: 'Denial rate %'}},
                amount: {
                    type: 'linear', position: 'right', beginAtZero: true, grid: {drawOnChartArea: false},
                    ticks: {callback: value => money.format(value)}, title: {display: true, text: 'Amount denied'}
                }
            }
        }
    });
})();
