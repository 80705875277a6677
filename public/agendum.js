/*
 * agendum's one page script, loaded after ECL's (both deferred, no inline script: the
 * Content-Security-Policy allows none). Each behaviour is found by a data attribute and is an
 * improvement only: every page works without it.
 */
(function () {
  'use strict';
  document.documentElement.classList.replace('no-js', 'has-js');

  // ECL's components that declare `data-ecl-auto-init` (modal, file upload, table sort...).
  if (window.ECL && typeof window.ECL.autoInit === 'function') window.ECL.autoInit();

  // A form whose second submission would do the thing twice (send a packet): the second is dropped.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-submit-once') || event.defaultPrevented) return;
    if (form.getAttribute('data-submitted') === 'true') event.preventDefault();
    else form.setAttribute('data-submitted', 'true');
  });
  // Back to a page kept in the browser's memory: its forms may be sent again on purpose.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    document.querySelectorAll('form[data-submitted]').forEach(function (form) {
      form.removeAttribute('data-submitted');
    });
  });

  // A refused form: its error summary takes the focus, so it is read out and seen first.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
})();
