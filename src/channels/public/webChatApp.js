/* Web Chat bootstrap: fetch a Direct Line token from the bot, then render Web Chat. */
(function () {
  'use strict';
  var root = document.getElementById('webchat');
  var status = document.getElementById('status');
  var termsButton = document.getElementById('terms');
  var config = document.body.dataset;
  var maxChars = Number(config.maxChars) || 4000;
  var TOO_LONG = 'csp-too-long';

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

  /*
   * The send box stops at the bot's message limit and says why, in the visitor's language, rather
   * than sending and showing only "Send failed": the text stays in the box to be shortened.
   */
  function messageLimit(api) {
    return function (next) {
      return function (action) {
        if (action.type === 'WEB_CHAT/SET_SEND_BOX') {
          var long = String(action.payload.text || '').length > maxChars;
          next(long
            ? { type: 'WEB_CHAT/SET_NOTIFICATION', payload: { id: TOO_LONG, level: 'error', message: config.tooLong } }
            : { type: 'WEB_CHAT/DISMISS_NOTIFICATION', payload: { id: TOO_LONG } });
        }
        if (action.type === 'WEB_CHAT/SUBMIT_SEND_BOX' && String(api.getState().sendBoxValue || '').length > maxChars) return undefined;
        if (action.type === 'WEB_CHAT/SEND_MESSAGE' && String(action.payload.text || '').length > maxChars) return undefined;
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          if (termsButton) termsButton.hidden = false;
          setTimeout(function () {
            var input = root.querySelector('input[type="text"], textarea');
            if (input) input.focus();
          }, 0);
        }
        return next(action);
      };
    };
  }

  var visitor = visitorKey();
  fetch('/api/directline/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(visitor ? { visitor: visitor } : {}) })
    .then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    })
    .then(function (info) {
      var domain = info.domain || window.location.origin + '/v3/directline';
      var store = window.WebChat.createStore({}, messageLimit);
      if (termsButton) {
        termsButton.addEventListener('click', function () {
          store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: config.terms } });
        });
      }
      /* No userID: the token names the user (Web Chat takes it from there). */
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine({ token: info.token, domain: domain, webSocket: false, pollingInterval: 500 }),
          store: store,
          locale: config.locale || 'en-US',
          sendTypingIndicator: true,
          styleOptions: {
            accent: config.accent,
            botAvatarInitials: config.initials,
            /* The server checks every file's size and real type again (UPLOAD_* settings) and says why it refuses one. */
            uploadAccept: config.uploadAccept || 'image/*,application/pdf',
            uploadMultiple: true,
            /* Thumbnails are drawn in a blob: worker, which the page's CSP (script-src 'self') forbids; the bubble shows the kept file instead. */
            enableUploadThumbnail: false,
            sendBoxBackground: '#FFFFFF',
            bubbleBorderRadius: 8,
            bubbleFromUserBorderRadius: 8,
            primaryFont: "'Segoe UI', system-ui, sans-serif"
          }
        },
        root
      );
    })
    .catch(function () {
      fail(config.unavailable);
    });
})();
