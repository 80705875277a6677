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

  // A refused form: its error summary takes the focus, so it is read out and seen first.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
})();
