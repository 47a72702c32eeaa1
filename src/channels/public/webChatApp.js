/* Web Chat bootstrap: fetch a Direct Line token from the bot, then render Web Chat. */
(function () {
  'use strict';
  var root = document.getElementById('webchat');
  var status = document.getElementById('status');
  var config = document.body.dataset;

  function fail(message) {
    status.textContent = message;
    status.hidden = false;
  }

  fetch('/api/directline/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    })
    .then(function (info) {
      var domain = info.domain || window.location.origin + '/v3/directline';
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine({ token: info.token, domain: domain, webSocket: false, pollingInterval: 500 }),
          userID: info.userId,
          locale: navigator.language || 'en-US',
          styleOptions: {
            accent: config.accent,
            botAvatarInitials: config.initials,
            hideUploadButton: true,
            sendBoxBackground: '#FFFFFF',
            bubbleBorderRadius: 8,
            bubbleFromUserBorderRadius: 8,
            primaryFont: "'Segoe UI', system-ui, sans-serif"
          }
        },
        root
      );
      var input = root.querySelector('input, textarea');
      if (input) input.focus();
    })
    .catch(function () {
      fail(config.unavailable);
    });
})();
