// Lumbung's little JavaScript: everything works without it. It keeps a copy of what is typed
// in the editor in this browser, so that a lost connection or an expired session never loses
// work, warns before a workflow step would leave unsaved typing behind, brings the first
// error into view after a failed save, and keeps the list of similar innovations beside the
// editor current while the title and summary are typed.
(function () {
  'use strict';
  var PREFIX = 'lumbung-draft:';
  var errors = document.getElementById('errors');
  if (errors) errors.focus();

  // Signing out forgets every copy kept here: the next person at this computer must not be
  // offered someone else's text.
  var signOut = document.querySelector('form[action="/keluar"]');
  if (signOut && window.localStorage) {
    signOut.addEventListener('submit', function () {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var name = localStorage.key(i);
        if (name && name.indexOf(PREFIX) === 0) localStorage.removeItem(name);
      }
    });
  }

  var form = document.querySelector('form[data-draft]');
  if (!form || !window.localStorage) return;
  // The key names the account and the form: "user|/ruang-kerja/inovasi/12".
  var draft = form.getAttribute('data-draft');
  var key = PREFIX + draft;
  var user = draft.split('|')[0];
  var english = document.documentElement.lang === 'en';
  var message = new URLSearchParams(location.search).get('pesan');
  var version = form.querySelector('input[name="version"]');

  function snapshot() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit' || !el.id) return;
      values[el.id] = el.type === 'checkbox' ? el.checked : el.value;
    });
    return values;
  }

  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }

  if (message === 'saved' || message === 'created') {
    // The server has what was typed: the copies are no longer needed, also the one of the new
    // record's form that became this record.
    localStorage.removeItem(key);
    if (message === 'created') localStorage.removeItem(PREFIX + user + '|/ruang-kerja/inovasi');
  } else if (saved && saved.values && !errors) {
    // A copy that differs from what the server shows is offered back, never forced.
    var current = snapshot();
    var differs = Object.keys(saved.values).some(function (id) {
      return saved.values[id] !== current[id];
    });
    if (differs) {
      var note = document.createElement('div');
      note.className = 'notice';
      note.setAttribute('role', 'status');
      var text = document.createElement('p');
      text.textContent = english
          ? 'This browser kept text you typed here that was not saved.'
          : 'Peramban ini menyimpan isian Anda yang belum tersimpan.';
      var restore = document.createElement('button');
      restore.type = 'button';
      restore.textContent = english ? 'Restore it' : 'Pulihkan';
      restore.addEventListener('click', function () {
        Object.keys(saved.values).forEach(function (id) {
          var el = document.getElementById(id);
          if (!el) return;
          if (el.type === 'checkbox') el.checked = saved.values[id]; else el.value = saved.values[id];
        });
        // The copy was typed over the version it was loaded at: if someone saved since, the
        // server answers with a conflict instead of overwriting their work.
        if (version && saved.version) version.value = saved.version;
        note.remove();
      });
      note.appendChild(text);
      note.appendChild(restore);
      form.parentNode.insertBefore(note, form);
    }
  }

  var dirty = false;
  var timer = null;
  form.addEventListener('input', function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(function () {
      var copy = { version: version ? version.value : '', values: snapshot() };
      try { localStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* full: skip */ }
    }, 400);
  });
  form.addEventListener('submit', function () { dirty = false; });

  // A workflow step is a form of its own: typing not yet saved would not go with it.
  Array.prototype.forEach.call(document.querySelectorAll('form.action-form'), function (step) {
    step.addEventListener('submit', function (event) {
      if (!dirty) return;
      var question = english
          ? 'Some changes are not saved yet. Continue without them? (Cancel, then "Save the draft" first.)'
          : 'Ada perubahan yang belum disimpan. Lanjutkan tanpa perubahan itu? (Batal, lalu "Simpan draf" dulu.)';
      if (!window.confirm(question)) event.preventDefault();
    });
  });
})();

// Similar innovations while an operator writes: after a pause in typing the title, product or
// summary, ask the API what looks alike and show it above the form. Without this script the
// list is the one the server drew when the page was loaded.
(function () {
  'use strict';
  var panel = document.getElementById('similar');
  var form = document.querySelector('form.editor');
  if (!panel || !form || !window.fetch) return;
  var list = panel.querySelector('ul');
  var names = ['title', 'product', 'summary'];
  var timer = null;
  var asked = '';

  function field(name) {
    var el = form.elements[name];
    return el ? el.value : '';
  }

  function show(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '/ruang-kerja/inovasi/' + item.id;
      a.textContent = item.title;
      var score = document.createElement('span');
      score.className = 'hint';
      score.textContent = panel.getAttribute('data-score')
          .replace('{percent}', String(Math.round(item.score * 100)));
      li.appendChild(a);
      li.appendChild(document.createTextNode(' — ' + item.agency.name + ' '));
      li.appendChild(score);
      list.appendChild(li);
    });
    panel.hidden = items.length === 0;
  }

  function ask() {
    var body = {title: field('title'), product: field('product'), summary: field('summary'),
                limit: 5};
    var text = body.title + body.product + body.summary;
    if (text === asked || text.trim().length < 8) return;
    asked = text;
    var exclude = panel.getAttribute('data-exclude');
    if (exclude) body.exclude = Number(exclude);
    fetch('/api/v1/similar', {method: 'POST', credentials: 'same-origin',
                              headers: {'Content-Type': 'application/json'},
                              body: JSON.stringify(body)})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) { if (answer && text === asked) show(answer.items); })
        .catch(function () { /* the hint is a help, never a blocker */ });
  }

  names.forEach(function (name) {
    var el = form.elements[name];
    if (!el) return;
    el.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 700);
    });
  });
})();
