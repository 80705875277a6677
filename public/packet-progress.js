/*
 * The packet page follows its sending without reloading: every 2.5 s it asks
 * GET /packets/:id/progress (JSON) and writes the line into the page's aria-live region and each
 * recipient's state into the table; it stops once every message is delivered or given up on.
 */
(function () {
  'use strict';
  var root = document.querySelector('[data-packet-progress]');
  if (!root || root.getAttribute('data-done') === 'true') return;
  var url = root.getAttribute('data-packet-progress');
  var text = root.querySelector('[data-progress-text]');
  var stuck = root.querySelector('[data-progress-stuck]');
  var resendFailed = root.querySelector('[data-resend-failed]');

  function show(progress) {
    if (text.textContent !== progress.text) text.textContent = progress.text;
    if (stuck) stuck.hidden = !progress.stuck;
    if (resendFailed) resendFailed.hidden = progress.failed === 0;
    progress.recipients.forEach(function (r) {
      var row = root.querySelector('[data-recipient="' + r.personId + '"]');
      if (!row) return;
      var state = row.querySelector('[data-state]');
      state.textContent = r.label;
      state.className = 'ecl-label ecl-label--' + r.variant;
      row.querySelector('[data-reason]').textContent = r.reason;
      var resend = row.querySelector('[data-resend]');
      if (resend) resend.hidden = !r.canResend;
    });
  }

  function poll() {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        return response.json().then(function (answer) {
          // A refusal (the session ended, the packet is gone) will not mend itself: say so and stop.
          if (response.status >= 400 && response.status < 500) {
            text.textContent = answer.detail + ' Reload the page to follow the packet again.';
            return;
          }
          if (!response.ok) throw new Error('progress ' + response.status);
          show(answer);
          if (!answer.done) window.setTimeout(poll, 2500);
        });
      })
      .catch(function () {
        window.setTimeout(poll, 10000);
      });
  }
  window.setTimeout(poll, 2500);
})();
