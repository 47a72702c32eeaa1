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

  /* A random key this browser keeps, so a returning visitor hears what happened to their tickets. */
  function visitorKey() {
    try {
      var key = window.localStorage.getItem('csp-support-visitor');
      if (!key || !/^[A-Za-z0-9_-]{22,64}$/.test(key)) {
        var bytes = new Uint8Array(24);
        window.crypto.getRandomValues(bytes);
        key = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        window.localStorage.setItem('csp-support-visitor', key);
      }
      return key;
    } catch {
      return undefined; /* storage blocked: an anonymous visit */
    }
  }

  var visitor = visitorKey();
  fetch('/api/directline/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(visitor ? { visitor: visitor } : {}) })
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
          sendTypingIndicator: true,
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
