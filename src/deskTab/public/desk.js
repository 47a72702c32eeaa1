/* The desk tab's page script: signs in (Teams SSO token, else the browser session), then
 * draws Now and Reports from /desk/api. Plain script, no bundler; Chart.js and the Teams JS
 * SDK are served by the bot itself (/desk/static). */
(function () {
    'use strict';
    var body = document.body;
    var state = { token: null, inTeams: false, charts: [], report: null, now: null, query: '' };
    var $ = function (id) { return document.getElementById(id); };

    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) {
            if (k === 'text') node.textContent = attrs[k];
            else if (k === 'className') node.className = attrs[k];
            else if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]);
        });
        (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
        return node;
    }

    function setTheme(theme) {
        var name = theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';
        body.setAttribute('data-theme', name);
        if (state.report) drawReport(state.report);
    }

    function initialTheme() {
        var asked = new URLSearchParams(window.location.search).get('theme');
        if (asked) return asked;
        if (window.matchMedia && window.matchMedia('(forced-colors: active)').matches) return 'contrast';
        return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }

    /** Inside Teams: initialise the SDK, follow its theme and get the SSO token; elsewhere this fails fast. */
    function startTeams() {
        var teams = window.microsoftTeams;
        var inFrame = window.parent !== window || !!window.opener;
        if (!teams || !inFrame) return Promise.resolve(false);
        var timeout = new Promise(function (resolve) { setTimeout(function () { resolve(false); }, 3000); });
        var init = teams.app.initialize().then(function () {
            state.inTeams = true;
            teams.app.getContext().then(function (ctx) { setTheme(ctx.app && ctx.app.theme === 'default' ? 'light' : ctx.app && ctx.app.theme); });
            teams.app.registerOnThemeChangeHandler(function (theme) { setTheme(theme === 'default' ? 'light' : theme); });
            return teams.authentication.getAuthToken().then(function (token) { state.token = token; return true; });
        });
        return Promise.race([init, timeout]).catch(function () { return false; });
    }

    function api(path) {
        var headers = { Accept: 'application/json' };
        if (state.token) headers.Authorization = 'Bearer ' + state.token;
        return fetch(path, { headers: headers, credentials: 'same-origin' }).then(function (res) {
            if (res.ok) return res;
            return res.json().catch(function () { return {}; }).then(function (b) {
                var error = new Error(b.error || 'HTTP ' + res.status);
                error.status = res.status;
                throw error;
            });
        });
    }

    function showProblem(error) {
        if (error.status === 401 && !state.inTeams && body.getAttribute('data-sign-in') === 'entra') {
            $('signin').hidden = false;
            $('signin-reason').textContent = 'Sign in with your work account to see the desk.';
            $('views').hidden = true;
            $('now').hidden = true;
            $('reports').hidden = true;
            return;
        }
        var p = $('problem');
        p.hidden = false;
        p.textContent = error.status === 403 ? 'This page is for the partner’s agents only (' + error.message + ').' : 'The desk could not be loaded: ' + error.message;
    }

    function duration(seconds) {
        var s = Math.abs(seconds);
        var text = s < 60 ? s + ' s' : s < 3600 ? Math.round(s / 60) + ' min' : s < 86400 ? Math.floor(s / 3600) + ' h ' + String(Math.round((s % 3600) / 60)).padStart(2, '0') + ' min' : Math.floor(s / 86400) + ' d ' + Math.round((s % 86400) / 3600) + ' h';
        return seconds < 0 ? 'overdue ' + text : text;
    }

    var STATE_LABEL = { 'on-track': 'On track', 'at-risk': 'At risk', breached: 'Breached', met: 'Met', missed: 'Missed', none: 'No due time' };

    function badge(value) {
        return el('span', { className: 'state state-' + value, text: STATE_LABEL[value] || value });
    }

    function figure(key, value, label) {
        return el('div', { className: 'figure', 'data-figure': key }, [el('span', { className: 'value', text: String(value) }), el('span', { className: 'label', text: label })]);
    }

    function table(columns, rows, caption, numeric) {
        if (rows.length === 0) return el('p', { className: 'empty', text: 'None.' });
        var head = el('tr', {}, columns.map(function (c, i) { return el('th', { scope: 'col', className: numeric && numeric[i] ? 'num' : null, text: c }); }));
        var trs = rows.map(function (r) {
            return el('tr', {}, r.map(function (cell, i) {
                var td = el('td', { className: numeric && numeric[i] ? 'num' : null });
                if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? '–' : String(cell);
                return td;
            }));
        });
        return el('table', {}, [caption ? el('caption', { className: 'muted', text: caption }) : null, el('thead', {}, [head]), el('tbody', {}, trs)]);
    }

    function fill(id, node) { var c = $(id); c.textContent = ''; c.appendChild(node); }

    function drawNow(now) {
        state.now = now;
        var available = now.agents.filter(function (a) { return a.availability === 'available'; }).length;
        var c = now.openCounts;
        var figs = $('now-figures');
        figs.textContent = '';
        [
            figure('waiting', now.queue.length, 'waiting for an agent'),
            figure('longest-wait', now.queue.length ? duration(now.queue[0].waitingSeconds) : '–', 'longest wait'),
            figure('agents-available', available + ' of ' + now.agents.length, 'agents available'),
            figure('open', c.open, 'open tickets'),
            figure('at-risk', c.atRisk, 'at risk'),
            figure('breached', c.breached, 'breached'),
            figure('dead', now.deadDeliveries.count, 'failed deliveries'),
        ].forEach(function (f) { figs.appendChild(f); });
        fill('queue', table(['Customer', 'Organisation', 'Waiting', 'Severity', 'Language', 'Ticket', 'Channel'], now.queue.map(function (q) {
            return [q.customerName || 'Customer', q.organisation, duration(q.waitingSeconds), q.severity, q.language, q.ticketNumber, q.channelId];
        }), null, [false, false, true]));
        fill('agents', table(['Agent', 'Availability', 'Live chats'], now.agents.map(function (a) {
            return [a.name, a.availability + (a.hasChat ? '' : ' (no chat with the bot yet)'), a.liveChats];
        }), null, [false, false, true]));
        fill('open-tickets', table(['Ticket', 'Title', 'Status', 'Severity', 'Due', 'Time left', 'Assignee'], now.openTickets.map(function (t) {
            return [t.number, t.title, t.status, t.severity, badge(t.dueState), t.secondsLeft === null ? '–' : t.firstResponseAt ? 'answered' : duration(t.secondsLeft), t.assigneeName || 'desk'];
        }), c.open > now.openTickets.length ? 'The ' + now.openTickets.length + ' soonest due of ' + c.open + ' open tickets.' : null));
        fill('dead', table(['#', 'Kind', 'Ticket', 'Attempts', 'Last error', 'Since'], now.deadDeliveries.latest.map(function (d) {
            return [d.id, d.kind, d.ticketNumber, d.attempts, d.lastError, new Date(d.createdAt).toLocaleString()];
        })));
        $('now-at').textContent = 'As of ' + new Date(now.at).toLocaleTimeString() + '; refreshes every 30 seconds.';
    }

    function color(name) { return getComputedStyle(body).getPropertyValue(name).trim(); }

    function numericColumns(t) {
        return t.columns.map(function (c, i) { return i > 0 && !/%$/.test(c) && t.rows.every(function (r) { return typeof r[i] === 'number'; }); });
    }

    function heatGrid(t) {
        var max = 0;
        t.rows.forEach(function (r) { r.slice(1).forEach(function (v) { if (v > max) max = v; }); });
        var head = el('tr', {}, [el('th', { scope: 'col', text: '' })].concat(t.columns.slice(1).map(function (h) { return el('th', { scope: 'col', text: h.slice(0, 2) }); })));
        var rows = t.rows.map(function (r) {
            return el('tr', {}, [el('th', { scope: 'row', text: String(r[0]).slice(0, 3) })].concat(r.slice(1).map(function (v, i) {
                var ratio = max ? v / max : 0;
                var td = el('td', { title: r[0] + ' ' + t.columns[i + 1] + ': ' + v, text: String(v) });
                if (ratio > 0.66) { td.className = 'hot'; td.style.background = 'rgb(' + color('--heat') + ')'; }
                else if (v > 0) td.style.background = 'rgba(' + color('--heat') + ',' + (0.08 + ratio * 0.48).toFixed(2) + ')';
                return td;
            })));
        });
        return el('table', { className: 'heat', 'aria-label': t.title }, [el('thead', {}, [head]), el('tbody', {}, rows)]);
    }

    function drawChart(canvas, t) {
        var series = ['--s1', '--s2', '--s3', '--s4', '--s5'].map(color);
        var numeric = numericColumns(t);
        var labels = t.rows.map(function (r) { return String(r[0]); });
        var datasets;
        if (t.chart === 'doughnut') {
            datasets = [{ label: t.columns[1], data: t.rows.map(function (r) { return r[1]; }), backgroundColor: series, borderColor: color('--bg') }];
        } else {
            var cols = t.chart === 'stacked' ? numeric.map(function (n, i) { return n ? i : -1; }).filter(function (i) { return i > 0; }) : [1];
            datasets = cols.map(function (i, k) { return { label: t.columns[i], data: t.rows.map(function (r) { return r[i]; }), backgroundColor: series[k % series.length] }; });
        }
        var fg = color('--fg');
        var grid = color('--grid');
        var scales = t.chart === 'doughnut' ? {} : {
            x: { stacked: t.chart === 'stacked', ticks: { color: fg }, grid: { color: grid } },
            y: { stacked: t.chart === 'stacked', beginAtZero: true, ticks: { color: fg, precision: 0 }, grid: { color: grid } },
        };
        return new window.Chart(canvas, {
            type: t.chart === 'doughnut' ? 'doughnut' : 'bar',
            data: { labels: labels, datasets: datasets },
            options: { responsive: true, maintainAspectRatio: false, animation: false, indexAxis: /^articles/.test(t.id) ? 'y' : 'x', plugins: { legend: { display: datasets.length > 1 || t.chart === 'doughnut', labels: { color: fg } } }, scales: scales },
        });
    }

    function download(id) {
        return api('/desk/api/reports/' + id + '.csv' + state.query).then(function (res) { return res.blob(); }).then(function (blob) {
            var a = el('a', { href: URL.createObjectURL(blob), download: id + '.csv' });
            document.body.appendChild(a);
            a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        }).catch(showProblem);
    }

    function drawReport(report) {
        state.report = report;
        state.charts.forEach(function (c) { c.destroy(); });
        state.charts = [];
        var s = report.summary;
        var pct = function (v) { return v === null ? '–' : v + ' %'; };
        $('report-period').textContent = report.period.from + ' to ' + report.period.to + ' (' + report.period.timeZone + ')';
        var figs = $('report-figures');
        figs.textContent = '';
        [
            figure('conversations', s.conversations, 'conversations'),
            figure('tickets', s.tickets, 'tickets'),
            figure('deflection', pct(s.deflectionPercent), 'resolved by guidance'),
            figure('due-met', pct(s.dueMetPercent), 'first responses on time'),
            figure('median-wait', s.medianWaitSeconds === null ? '–' : duration(s.medianWaitSeconds), 'median wait for an agent'),
            figure('p90-wait', s.p90WaitSeconds === null ? '–' : duration(s.p90WaitSeconds), '90th percentile wait'),
            figure('rating', s.averageRating === null ? '–' : s.averageRating + ' / 5', 'average rating'),
        ].forEach(function (f) { figs.appendChild(f); });
        var holder = $('report-tables');
        holder.textContent = '';
        report.tables.forEach(function (t) {
            var tableView = el('div', { className: 'table-view', id: 'table-' + t.id, hidden: '' }, [table(t.columns, t.rows, null, numericColumns(t))]);
            var chartView = el('div', { className: t.chart === 'heatmap' ? 'heat-view' : 'chart' });
            var toggle = el('button', { type: 'button', className: 'secondary', 'aria-pressed': 'false', 'aria-controls': 'table-' + t.id, text: 'Table view' });
            toggle.addEventListener('click', function () {
                var showTable = toggle.getAttribute('aria-pressed') !== 'true';
                toggle.setAttribute('aria-pressed', String(showTable));
                tableView.hidden = !showTable;
                chartView.hidden = showTable;
            });
            var csv = el('a', { href: '/desk/api/reports/' + t.id + '.csv' + state.query, text: 'Download CSV', 'data-csv': t.id });
            csv.addEventListener('click', function (event) { if (state.token) { event.preventDefault(); download(t.id); } });
            var fig = el('figure', { className: t.chart === 'heatmap' ? 'wide' : null, 'data-table': t.id }, [el('figcaption', {}, [el('h3', { text: t.title })]), chartView, tableView, el('div', { className: 'actions' }, [toggle, csv])]);
            holder.appendChild(fig);
            if (t.chart === 'heatmap') chartView.appendChild(heatGrid(t));
            else if (t.rows.length === 0) chartView.appendChild(el('p', { className: 'empty', text: 'Nothing in this period.' }));
            else {
                var canvas = el('canvas', { role: 'img', 'aria-label': t.title + ': ' + t.rows.map(function (r) { return r[0] + ' ' + r[1]; }).join(', ') });
                chartView.appendChild(canvas);
                if (window.Chart) state.charts.push(drawChart(canvas, t));
            }
        });
    }

    function loadNow() {
        return api('/desk/api/now').then(function (r) { return r.json(); }).then(drawNow);
    }

    function loadReports() {
        var form = new FormData($('filters'));
        var params = new URLSearchParams();
        form.forEach(function (v, k) { if (v) params.set(k, String(v)); });
        state.query = params.toString() ? '?' + params.toString() : '';
        return api('/desk/api/reports' + state.query).then(function (r) { return r.json(); }).then(function (report) {
            var f = $('filters');
            if (!f.elements.from.value) f.elements.from.value = report.period.from;
            if (!f.elements.to.value) f.elements.to.value = report.period.to;
            drawReport(report);
            body.setAttribute('data-reports-loaded', 'true');
        });
    }

    function select(view) {
        ['now', 'reports'].forEach(function (v) {
            var tab = $('tab-' + v);
            var on = v === view;
            tab.setAttribute('aria-selected', String(on));
            tab.tabIndex = on ? 0 : -1;
            $(v).hidden = !on;
        });
        if (view === 'reports' && !state.report) loadReports().catch(showProblem);
        if (window.location.hash !== '#' + view) history.replaceState(null, '', '#' + view);
    }

    setTheme(initialTheme());
    startTeams().then(function () {
        return api('/desk/api/me').then(function (r) { return r.json(); });
    }).then(function (me) {
        $('who').textContent = me.name + (me.role === 'admin' ? ' (admin)' : '');
        $('views').hidden = false;
        $('tab-now').addEventListener('click', function () { select('now'); });
        $('tab-reports').addEventListener('click', function () { select('reports'); });
        $('views').addEventListener('keydown', function (e) {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { var next = $('tab-now').getAttribute('aria-selected') === 'true' ? 'reports' : 'now'; select(next); $('tab-' + next).focus(); }
        });
        $('filters').addEventListener('submit', function (e) { e.preventDefault(); loadReports().catch(showProblem); });
        select(window.location.hash === '#reports' ? 'reports' : 'now');
        return loadNow().then(function () {
            body.setAttribute('data-now-loaded', 'true');
            setInterval(function () { loadNow().catch(function () { /* the next refresh tries again */ }); }, 30000);
        });
    }).catch(showProblem);
})();
