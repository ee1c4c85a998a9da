/* The shop assistant page: gets a Direct Line token from our own server and starts Web Chat on it.
 * The token and conversation id are kept in localStorage, so a reload (or coming back later)
 * resumes the same conversation: Web Chat reconnects with `conversationId` and replays the log. */
(function () {
  'use strict';

  // The same page serves customers at / and staff at /staff (signed in with the staff token).
  var STAFF = document.body.getAttribute('data-mode') === 'staff';
  var STORAGE_KEY = STAFF ? 'shopmate.staffchat' : 'shopmate.webchat';
  var ONLINE = 2;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;

  var statusBox = document.getElementById('status');
  var chat = document.getElementById('webchat');

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (e) {
      /* private mode: the chat still works, it just will not resume */
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* nothing stored */
    }
  }

  function showStatus(text, isError) {
    statusBox.textContent = text;
    statusBox.hidden = !text;
    statusBox.classList.toggle('is-error', !!isError);
  }

  /** Our server hands out the token: the saved one keeps this visitor's id, otherwise a new anonymous id. */
  function fetchSession(saved) {
    if (STAFF && !(saved && saved.token)) return staffSignIn();
    var headers = saved && saved.token ? { Authorization: 'Bearer ' + saved.token } : {};
    return fetch('/api/directline/token', { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('the token request failed with HTTP ' + res.status);
      return res.json();
    });
  }

  /** Staff: ask for the staff token, exchange it for a Direct Line token bound to a staff id. */
  function staffSignIn() {
    return new Promise(function (resolve) {
      var form = document.getElementById('staff-sign-in');
      var input = document.getElementById('staff-token');
      form.hidden = false;
      showStatus('Sign in with the staff token.');
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        fetch('/api/directline/staff-token', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: input.value }),
        }).then(function (res) {
          input.value = '';
          if (!res.ok) {
            showStatus('That token was not accepted.', true);
            return;
          }
          form.hidden = true;
          res.json().then(resolve);
        });
      });
    });
  }

  function styleOptions() {
    var green = '#2f6f4f';
    return {
      accent: green,
      backgroundColor: '#fbfaf7',
      primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
      botAvatarInitials: chat.getAttribute('data-store-initials') || 'SM',
      botAvatarBackgroundColor: green,
      bubbleBackground: '#ffffff',
      bubbleBorderColor: '#e4e0d8',
      bubbleBorderRadius: 12,
      bubbleBorderWidth: 1,
      bubbleFromUserBackground: green,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserBorderWidth: 0,
      bubbleNubSize: 0,
      bubbleFromUserNubSize: 0,
      cardEmphasisBackgroundColor: '#f3efe6',
      richCardWrapTitle: true,
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: green,
      suggestedActionBorderRadius: 16,
      suggestedActionTextColor: green,
      sendBoxButtonColor: green,
      hideUploadButton: true,
    };
  }

  function start() {
    var saved = load();
    return fetchSession(saved).then(function (session) {
      save({ token: session.token, userId: session.userId, conversationId: session.conversationId });
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: window.location.origin + '/v3/directline',
        webSocket: false,
        conversationId: session.conversationId,
        pollingInterval: 500,
      });
      var remember = function () {
        save({ token: directLine.token, userId: session.userId, conversationId: directLine.conversationId });
      };
      directLine.connectionStatus$.subscribe(function (status) {
        if (status === ONLINE) {
          remember();
          showStatus('');
        } else if (status === ENDED || status === FAILED_TO_CONNECT) {
          forget();
          showStatus('The chat was disconnected. Press "New chat" to start again.', true);
        }
      });
      window.addEventListener('pagehide', remember);
      window.WebChat.renderWebChat(
        { directLine: directLine, userID: session.userId, locale: 'en-GB', styleOptions: styleOptions() },
        chat,
      );
    });
  }

  document.getElementById('new-chat').addEventListener('click', function () {
    forget();
    window.location.reload();
  });

  if (!window.WebChat) {
    showStatus('The chat could not load. Please reload the page.', true);
    return;
  }
  start().catch(function (err) {
    showStatus('The assistant is not reachable right now (' + err.message + '). Please try again in a moment.', true);
  });
})();
