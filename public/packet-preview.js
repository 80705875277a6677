/*
 * The packet's preview in ECL's modal, over the compose form it checks: the same preview route,
 * asked for by fetch, its answer's preview moved into the dialog and its Send form into the
 * dialog's footer. Anything unexpected (a refusal, a network error, no ECL) falls back to the
 * plain form post, whose page shows the preview or the errors by their fields.
 */
(function () {
  'use strict';
  var form = document.querySelector('[data-packet-compose]');
  var dialog = document.querySelector('[data-packet-preview-dialog]');
  if (!form || !dialog || !window.fetch || !window.DOMParser) return;
  var body = dialog.querySelector('[data-packet-preview-body]');
  var footer = dialog.querySelector('[data-packet-preview-footer]');
  var asking = false;

  function show(preview, modal) {
    var send = preview.querySelector('[data-packet-send]');
    body.replaceChildren(preview);
    footer.replaceChildren();
    if (send) footer.appendChild(send);
    // In the dialog, "Change the packet" closes it: the form under it still holds what was typed.
    var change = dialog.querySelector('[data-packet-change]');
    if (change)
      change.addEventListener('click', function (event) {
        event.preventDefault();
        modal.closeModal();
      });
    modal.openModal();
  }

  form.addEventListener('submit', function (event) {
    var modal = dialog.ECLModal;
    if (!modal) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response.text().then(function (html) {
          var page = response.ok ? new DOMParser().parseFromString(html, 'text/html') : null;
          var preview = page && page.querySelector('[data-packet-preview]');
          if (preview) show(document.importNode(preview, true), modal);
          else form.submit();
        });
      })
      .catch(function () {
        form.submit();
      })
      .then(function () {
        asking = false;
      });
  });
})();
