/*
 * The agenda's order, changed in place: items are dragged among their siblings (SortableJS,
 * linked on pages whose view sets `sortable`), or moved with their Move up / Move down buttons
 * without a reload, the focus staying on the moved item. Each change saves the whole tree in one
 * request. Without this script the buttons post and the page comes back at the item.
 */
(function () {
  'use strict';
  var root = document.querySelector('[data-agenda-order]');
  var status = document.querySelector('[data-agenda-status]');

  // Back from a move without script, or a link to an item: the item takes the focus.
  var hash = window.location.hash;
  var target = hash && document.getElementById(hash.slice(1));
  if (target && target.hasAttribute('data-item-id')) target.focus();
  if (!root) return;

  var hint = document.querySelector('[data-agenda-hint]');
  if (hint) hint.hidden = false;

  var childItems = function (list) {
    return Array.prototype.filter.call(list.children, function (li) {
      return li.hasAttribute('data-item-id');
    });
  };
  var childList = function (li) {
    return li.querySelector(':scope > [data-agenda-list]');
  };
  var numberOf = function (li) {
    return li.querySelector(':scope > .agendum-agenda__row [data-item-number]');
  };
  var announce = function (text) {
    if (status) status.textContent = text;
  };

  // Numbers and buttons follow the places: 1, 1.1, ...; no Move up for a first, no Move down for a last.
  function renumber(list, prefix) {
    var items = childItems(list);
    items.forEach(function (li, index) {
      var number = prefix + (index + 1);
      numberOf(li).textContent = number;
      var up = li.querySelector(':scope > .agendum-agenda__row [data-move="up"]');
      var down = li.querySelector(':scope > .agendum-agenda__row [data-move="down"]');
      if (up) {
        up.hidden = index === 0;
        up.value = String(Math.max(1, index));
      }
      if (down) {
        down.hidden = index === items.length - 1;
        down.value = String(index + 2);
      }
      var children = childList(li);
      if (children) renumber(children, number + '.');
    });
  }

  function tree(list) {
    return childItems(list).map(function (li) {
      var children = childList(li);
      return { id: Number(li.getAttribute('data-item-id')), children: children ? tree(children) : [] };
    });
  }

  // One save at a time, each sending the tree as it then stands: quick moves cannot reach the
  // server out of order and leave an older order saved under a newer one on screen.
  var saving = Promise.resolve();

  function save(li, before) {
    renumber(root, '');
    var after = numberOf(li).textContent;
    saving = saving.then(function () {
      return post(before, after);
    });
  }

  function post(before, after) {
    return fetch(root.getAttribute('data-agenda-order'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': root.getAttribute('data-csrf'),
      },
      body: JSON.stringify({ items: tree(root) }),
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw new Error(answer.detail || 'The new order was not saved.');
          announce('Item ' + before + ' is now ' + after + '.');
        });
      })
      .catch(function (error) {
        announce('The new order was not saved: ' + error.message + ' Reload the page.');
      });
  }

  // Move up / Move down: the item changes places with its neighbour; the focus stays on it.
  root.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-agenda-move')) return;
    event.preventDefault();
    var button = event.submitter;
    var direction = button && button.getAttribute('data-move');
    var li = form.closest('[data-item-id]');
    var before = numberOf(li).textContent;
    if (direction === 'up' && li.previousElementSibling) li.parentNode.insertBefore(li, li.previousElementSibling);
    else if (direction === 'down' && li.nextElementSibling) li.parentNode.insertBefore(li.nextElementSibling, li);
    else return;
    save(li, before);
    if (button && !button.hidden) button.focus();
    else {
      var other = form.querySelector('button:not([hidden])');
      (other || li).focus();
    }
  });

  // Drag and drop among siblings only: each list is its own group, so no item changes parent.
  if (typeof window.Sortable !== 'function') return;
  var lists = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[data-agenda-list]')));
  lists.forEach(function (list, index) {
    var before = '';
    window.Sortable.create(list, {
      group: 'agenda-level-' + index,
      draggable: '.agendum-agenda__item',
      filter: 'a, button, input',
      preventOnFilter: false,
      animation: 150,
      onStart: function (event) {
        before = numberOf(event.item).textContent;
      },
      onEnd: function (event) {
        if (event.oldIndex !== event.newIndex) save(event.item, before);
      },
    });
  });
})();
