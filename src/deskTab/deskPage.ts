import { CATEGORIES, LANGUAGES, PRODUCTS, SEVERITIES } from '../policy/types';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const select = (name: string, label: string, values: readonly string[]): string =>
    `<label>${label}<select name="${name}"><option value="">All</option>${values.map((v) => `<option value="${v}">${v}</option>`).join('')}</select></label>`;

/** The desk tab's page: a shell that desk.js fills from /desk/api (no data in the HTML itself). */
export function deskPage(options: { partnerName: string; developmentMode: boolean; signIn: boolean }): string {
    const name = escapeHtml(options.partnerName);
    const banner = options.developmentMode
        ? `<p class="banner" role="note">Development mode: sign-in is not configured (no <code>DESK_CLIENT_ID</code> or <code>MicrosoftAppId</code>), so this page answers only on this machine (loopback) and to nobody else.</p>`
        : '';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} desk</title>
<link rel="stylesheet" href="/desk/static/desk.css">
</head>
<body data-theme="light" data-sign-in="${options.signIn ? 'entra' : 'none'}" data-development="${options.developmentMode}">
<header>
<h1>${name} desk</h1>
<p id="who" aria-live="polite"></p>
</header>
${banner}
<main>
<section id="signin" hidden aria-labelledby="signin-title">
<h2 id="signin-title">Sign in</h2>
<p id="signin-reason"></p>
<p><a id="signin-link" class="button" href="/desk/auth/signin">Sign in with Microsoft</a></p>
</section>
<nav id="views" role="tablist" aria-label="Views" hidden>
<button type="button" role="tab" id="tab-now" aria-controls="now" aria-selected="true">Now</button>
<button type="button" role="tab" id="tab-reports" aria-controls="reports" aria-selected="false" tabindex="-1">Reports</button>
</nav>
<section id="now" role="tabpanel" aria-labelledby="tab-now" hidden>
<div class="figures" id="now-figures"></div>
<h2>Waiting for an agent</h2>
<div id="queue"></div>
<h2>Agents</h2>
<div id="agents"></div>
<h2>Open tickets, soonest due first</h2>
<div id="open-tickets"></div>
<h2>Failed deliveries</h2>
<div id="dead"></div>
<p class="muted" id="now-at"></p>
</section>
<section id="reports" role="tabpanel" aria-labelledby="tab-reports" hidden>
<form id="filters" class="filters">
<label>From<input type="date" name="from"></label>
<label>To<input type="date" name="to"></label>
${select('category', 'Category', CATEGORIES)}
${select('product', 'Product', PRODUCTS)}
${select('severity', 'Severity', SEVERITIES)}
${select('language', 'Language', LANGUAGES)}
${select('channel', 'Channel', ['msteams', 'directline', 'webchat'])}
<button type="submit">Show</button>
</form>
<p class="muted" id="report-period" aria-live="polite"></p>
<div class="figures" id="report-figures"></div>
<div id="report-tables" class="tables"></div>
</section>
<p id="problem" role="alert" hidden></p>
</main>
<script src="/desk/static/teams.js"></script>
<script src="/desk/static/chart.js"></script>
<script src="/desk/static/desk.js"></script>
</body>
</html>`;
}

/** Teams' configuration page for the channel tab: nothing to choose, it saves the desk at once. */
export function tabConfigPage(partnerName: string): string {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(partnerName)} desk</title><link rel="stylesheet" href="/desk/static/desk.css"></head>
<body data-theme="light"><main><h1>${escapeHtml(partnerName)} desk</h1><p>Adds the desk (live queue, open tickets and reports) to this channel. Only the partner's agents can see its figures.</p></main>
<script src="/desk/static/teams.js"></script><script src="/desk/static/desk-config.js"></script></body></html>`;
}

/** A sign-in that did not work, said plainly, with a way to try again. */
export function signInProblemPage(message: string): string {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in</title><link rel="stylesheet" href="/desk/static/desk.css"></head>
<body data-theme="light"><main><h1>Sign-in</h1><p role="alert">${escapeHtml(message)}</p><p><a class="button" href="/desk/auth/signin">Sign in again</a></p></main></body></html>`;
}
